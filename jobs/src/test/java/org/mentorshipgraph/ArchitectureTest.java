package org.mentorshipgraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layout of the production code, checked on its class files: packages form layers that point one way (a class
 * may use its own layer's packages only where listed, and any layer below), there is no cycle between packages,
 * nothing imports the composition root {@code job} but the command line, and production code never uses the
 * {@code tools} module. Each package's {@code package-info.java} says what it may depend on; this test is the same
 * list, enforced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    /**
     * Every production package of the jobs and algorithms modules, bottom first. A package may depend on packages
     * of a lower rank only.
     */
    static final Map<String, Integer> RANK = new TreeMap<>(Map.ofEntries(
            Map.entry("algorithms.graph", 0),
            Map.entry("algorithms.ties", 1),
            Map.entry("algorithms.centrality", 1),
            Map.entry("algorithms.mentoring", 1),
            Map.entry("algorithms.layout", 1),
            Map.entry("failures", 0),
            Map.entry("progress", 1),
            Map.entry("schema", 1),
            Map.entry("storage", 1),
            Map.entry("config", 2),
            Map.entry("ingest", 3),
            Map.entry("ties", 4),
            Map.entry("connectors", 5),
            Map.entry("trends", 5),
            Map.entry("mentoring", 5),
            Map.entry("files", 6),
            Map.entry("report", 7),
            Map.entry("neo4j", 7),
            Map.entry("job", 8),
            Map.entry("cli", 9)));

    JavaClasses production;

    @BeforeAll
    void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mentorshipgraph");
    }

    static String packageOf(JavaClass c) {
        String p = c.getPackageName();
        return p.startsWith("org.mentorshipgraph.") ? p.substring("org.mentorshipgraph.".length()) : null;
    }

    @Test
    void everyProductionPackageHasALayer() {
        List<String> unknown = production.stream()
                .map(ArchitectureTest::packageOf)
                .filter(p -> p != null && !RANK.containsKey(p) && !p.startsWith("tools") && !p.startsWith("neo4jlocal"))
                .distinct()
                .toList();
        assertThat(unknown)
                .as("packages without a layer in ArchitectureTest.RANK")
                .isEmpty();
        assertThat(production.stream().map(ArchitectureTest::packageOf).distinct())
                .as("the import found the production classes")
                .contains("job", "ingest", "algorithms.centrality");
    }

    @Test
    void layersPointDownwardOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.mentorshipgraph..")
                .should(new ArchCondition<JavaClass>("depend on a package of the same or a higher layer") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String from = packageOf(c);
                        Integer rank = from == null ? null : RANK.get(from);
                        if (rank == null) return;
                        c.getDirectDependenciesFromSelf().forEach(d -> {
                            String to = packageOf(d.getTargetClass());
                            Integer target = to == null ? null : RANK.get(to);
                            if (target != null && !to.equals(from) && target >= rank) {
                                events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                            }
                        });
                    }
                })
                .check(production);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.mentorshipgraph.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void nothingButTheCommandLineUsesTheCompositionRoot() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.mentorshipgraph.job..", "org.mentorshipgraph.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.mentorshipgraph.job..")
                .check(production);
    }

    @Test
    void productionCodeNeverUsesTools() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mentorshipgraph.tools..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.mentorshipgraph.tools..")
                .check(production);
    }

    @Test
    void algorithmsKnowNothingOfSparkOrNeo4j() {
        noClasses()
                .that()
                .resideInAPackage("org.mentorshipgraph.algorithms..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.neo4j..", "scala..")
                .check(production);
    }
}
