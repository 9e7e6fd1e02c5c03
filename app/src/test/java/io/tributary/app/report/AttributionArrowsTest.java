package io.tributary.app.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The attribution models and report tables are pure: no Spring, Axon or MongoDB. */
class AttributionArrowsTest {

    @Test
    void attributionModelsAndReportTablesArePure() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tributary.query.attribution");

        noClasses().that().haveSimpleNameStartingWith("Attribution").and().haveSimpleNameEndingWith("Rules")
                .or().haveSimpleName("Apportionment").or().haveSimpleName("AdCatalog")
                .or().haveSimpleName("BlendedTable").or().haveSimpleName("TimeseriesTable")
                .or().haveSimpleName("ReportFacts").or().haveSimpleName("Touch").or().haveSimpleName("Credit")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "com.mongodb..", "org.bson..")
                .check(classes);
    }
}
