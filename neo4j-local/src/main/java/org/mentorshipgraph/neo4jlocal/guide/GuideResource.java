package org.mentorshipgraph.neo4jlocal.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.ws.rs.GET;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * Serves the Neo4j Browser guide of the graph model and its node styles from the local server, as a Neo4j
 * <em>unmanaged extension</em> (JAX-RS, mounted by {@code server.unmanaged_extension_classes} in
 * {@code neo4j-base.conf}):
 *
 * <pre>
 * GET /guides/mentorship-graph         the guide (HTML slides), opened in the Browser by :guide mentorship-graph
 * GET /guides/mentorship-graph.grass   node captions and colours, applied by :style URL
 * </pre>
 *
 * <p>The guide is rendered on every request from the query folder named by the system property
 * {@value BrowserGuide#QUERIES_PROPERTY} ({@code scripts/neo4j-local} sets it to the repository's {@code queries/}),
 * so it always lists the questions as they are on disk. Both are static documentation, no data: the server serves
 * them without authentication ({@code dbms.security.http_auth_allowlist}), like the Browser's own files.
 */
@javax.ws.rs.Path("/")
public final class GuideResource {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    @GET
    @javax.ws.rs.Path(BrowserGuide.GUIDE_NAME)
    public Response guide(@Context UriInfo uri) {
        String folder = System.getProperty(BrowserGuide.QUERIES_PROPERTY);
        String guides = uri.getBaseUri().toString().replaceFirst("/+$", "");
        try {
            String html = BrowserGuide.render(guides, folder == null || folder.isBlank() ? null : Path.of(folder));
            return Response.ok(html, HTML).header("Cache-Control", "no-store").build();
        } catch (UncheckedIOException e) {
            return Response.serverError()
                    .entity("the guide could not be rendered: " + e.getMessage())
                    .type(TEXT)
                    .build();
        }
    }

    @GET
    @javax.ws.rs.Path(BrowserGuide.GUIDE_NAME + ".grass")
    public Response style() throws IOException {
        return Response.ok(BrowserGuide.style(), TEXT)
                .header("Cache-Control", "no-store")
                .build();
    }
}
