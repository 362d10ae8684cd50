package org.mentorshipgraph.tools.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown files and whether they lead somewhere: {@code [text](path)}, {@code ![alt](path)},
 * {@code [text](path#anchor)}, {@code [text](#anchor)} and reference definitions {@code [id]: path}. Links with a scheme
 * ({@code https:}, {@code mailto:}) are not checked. Text in fenced code blocks and in {@code `code spans`} is not a
 * link. An anchor into a Markdown file must be one of its headings' GitHub anchors (lower case, punctuation dropped,
 * spaces as hyphens, {@code -1}, {@code -2} ... for repeats).
 */
final class MarkdownLinks {
    private MarkdownLinks() {}

    /** One link that leads nowhere: the file and line it is on, its target, and why. */
    record Broken(String file, int line, String target, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": (" + target + ") " + why;
        }
    }

    private static final Pattern INLINE =
            Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

    /**
     * Checks every link in {@code files} (paths relative to {@code root}).
     *
     * @param exists whether a path relative to {@code root} (forward slashes, normalised) is something a link may
     *     lead to: for the repository, a tracked file or a folder holding one
     */
    static List<Broken> check(Path root, List<String> files, Predicate<String> exists) {
        List<Broken> broken = new ArrayList<>();
        Map<String, Set<String>> anchorsByFile = new HashMap<>();
        for (String file : files) {
            List<String> lines = read(root.resolve(file));
            List<String> prose = withoutCode(lines, true);
            for (int i = 0; i < prose.size(); i++) {
                for (String target : targets(prose.get(i))) {
                    String why = problem(root, file, target, exists, anchorsByFile);
                    if (why != null) broken.add(new Broken(file, i + 1, target, why));
                }
            }
        }
        return broken;
    }

    /** The link targets on one line of prose (code already removed). */
    static List<String> targets(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = INLINE.matcher(line);
        while (m.find()) out.add(unbracket(m.group(1)));
        Matcher r = REFERENCE.matcher(line);
        if (r.find()) out.add(unbracket(r.group(1)));
        return out;
    }

    /** GitHub's anchors for the headings of a Markdown file. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCode(lines, false)) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) continue;
            String slug = slug(h.group(2));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /** GitHub's heading anchor: the heading's text (links as their text), lower case, without punctuation, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') out.appendCodePoint(c);
            else if (c == ' ') out.append('-');
        });
        return out.toString();
    }

    private static String problem(
            Path root, String file, String target, Predicate<String> exists, Map<String, Set<String>> anchorsByFile) {
        if (target.isEmpty()) return "empty link";
        if (SCHEME.matcher(target).find()) return null;
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        String resolved;
        if (pathPart.isEmpty()) {
            resolved = file;
        } else {
            if (pathPart.startsWith("/")) return "absolute path: use a path relative to " + file;
            String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path base = Path.of(file).getParent();
            Path p = (base == null ? Path.of(decoded) : base.resolve(decoded)).normalize();
            resolved = p.toString().replace('\\', '/');
            if (resolved.startsWith("..")) return "leads out of the repository";
            if (resolved.isEmpty()) resolved = ".";
            if (!exists.test(resolved)) return "no such file in the repository: " + resolved;
        }
        if (anchor == null || anchor.isEmpty() || !resolved.endsWith(".md")) return null;
        Set<String> anchors = anchorsByFile.computeIfAbsent(resolved, f -> anchors(read(root.resolve(f))));
        return anchors.contains(anchor.toLowerCase(Locale.ROOT))
                ? null
                : "no heading with anchor #" + anchor + " in " + resolved;
    }

    /** The lines with fenced code blocks blanked (line numbers kept) and, if asked, code spans removed. */
    private static List<String> withoutCode(List<String> lines, boolean dropCodeSpans) {
        List<String> out = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            String t = line.stripLeading();
            if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
                fence = t.substring(0, 3);
                out.add("");
            } else if (fence != null) {
                if (t.startsWith(fence)) fence = null;
                out.add("");
            } else {
                out.add(dropCodeSpans ? CODE_SPAN.matcher(line).replaceAll("") : line);
            }
        }
        return out;
    }

    private static String unbracket(String target) {
        return target.startsWith("<") && target.endsWith(">") ? target.substring(1, target.length() - 1) : target;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
