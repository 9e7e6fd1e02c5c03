package io.tributary.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows: api and the embedded store depend on nothing of ours; the CQRS sides only on api, and their main
 * code never on the embedded store; policies on neither Spring nor Axon; app reaches the command side only through the
 * ingestion port and the query side only from its wiring; no package cycles inside any module.
 */
class ModuleArrowsTest {

    /** The one class of app that wires the command side; everything else reads it through {@code api.intake}. */
    private static final String COMMAND_SIDE_WIRING = "io.tributary.app.config.PolicyConfig";

    /**
     * The classes of app that wire read models (projections, their settings). {@code EventLogExportController}
     * streams the event log straight from its projection: a streaming query through Axon would need Reactor.
     */
    private static final String[] QUERY_SIDE_WIRING = {
        "io.tributary.app.config.ProjectionConfig",
        "io.tributary.app.quality.QualityConfig",
        "io.tributary.app.report.ReportConfig",
        "io.tributary.app.report.AttributionProperties",
        "io.tributary.app.marketing.MarketingConfig",
        "io.tributary.app.eventlog.EventLogExportController",
        "io.tributary.app.deadletter.DeadLetterRule",
        "io.tributary.app.identity.dryrun.ShadowFactory",
        "io.tributary.app.identity.dryrun.ShadowReadModels",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tributary");
    }

    @Test
    void apiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.tributary.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tributary.command..", "io.tributary.query..",
                        "io.tributary.saga..", "io.tributary.app..", "io.tributary.eventstore..")
                .check(classes);
    }

    @Test
    void commandSideDependsOnlyOnApi() {
        noClasses().that().resideInAPackage("io.tributary.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tributary.query..", "io.tributary.saga..",
                        "io.tributary.app..", "io.tributary.eventstore..")
                .check(classes);
    }

    @Test
    void querySideDependsOnlyOnApi() {
        noClasses().that().resideInAPackage("io.tributary.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tributary.command..", "io.tributary.saga..",
                        "io.tributary.app..", "io.tributary.eventstore..")
                .check(classes);
    }

    @Test
    void sagasDependOnlyOnApi() {
        noClasses().that().resideInAPackage("io.tributary.saga..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tributary.command..", "io.tributary.query..",
                        "io.tributary.app..", "io.tributary.eventstore..")
                .check(classes);
    }

    @Test
    void embeddedStoreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.tributary.embedded..")
                .should().dependOnClassesThat(resideInAPackage("io.tributary..")
                        .and(not(resideInAPackage("io.tributary.embedded.."))))
                .check(classes);
    }

    @Test
    void onlyTheAppAndTheBenchStartTheEmbeddedStore() {
        noClasses().that().resideInAnyPackage("io.tributary.eventstore..", "io.tributary.command..",
                        "io.tributary.query..", "io.tributary.saga..", "io.tributary.api..")
                .should().dependOnClassesThat().resideInAPackage("io.tributary.embedded..")
                .check(classes);
    }

    @Test
    void policiesDependOnNeitherSpringNorAxon() {
        noClasses().that().haveSimpleNameEndingWith("Policy").or().haveSimpleNameEndingWith("Rules")
                .or().haveSimpleNameEndingWith("Limits").or().haveSimpleNameEndingWith("Catalog")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void featurePackagesOfTheCommandSideHaveNoCycles() {
        slices().matching("io.tributary.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void appReachesTheCommandSideOnlyThroughTheIngestionPort() {
        noClasses().that().resideInAPackage("io.tributary.app..")
                .and(DescribedPredicate.describe("are not the command side's wiring (or nested in it)",
                        (JavaClass c) -> !c.getName().equals(COMMAND_SIDE_WIRING)
                                && !c.getName().startsWith(COMMAND_SIDE_WIRING + "$")))
                .should().dependOnClassesThat().resideInAPackage("io.tributary.command..")
                .because("app reads the command side through io.tributary.api.intake.IntakeDirectory and sends commands")
                .check(classes);
    }

    @Test
    void appReachesTheQuerySideOnlyFromItsWiring() {
        noClasses().that().resideInAPackage("io.tributary.app..")
                .and(DescribedPredicate.describe("are not the query side's wiring",
                        (JavaClass c) -> !List.of(QUERY_SIDE_WIRING).contains(c.getName())))
                .should().dependOnClassesThat().resideInAPackage("io.tributary.query..")
                .because("app asks read models with api queries")
                .check(classes);
    }

    @Test
    void packagesInsideEachModuleHaveNoCycles() {
        slices().matching("io.tributary.(*).(*)..").should().beFreeOfCycles().check(classes);
    }
}
