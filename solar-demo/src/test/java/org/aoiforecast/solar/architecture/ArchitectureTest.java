package org.aoiforecast.solar.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the compiled main classes of
 * every module: dependencies point one way ({@code info-theory -> aoi-core}, {@code forecasting
 * -> aoi-core}, {@code solar-demo -> all}), aoi-core and info-theory never touch DL4J/ND4J, and
 * no two packages depend on each other, directly or through others.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // main classes only: not this module's tests, nor aoi-core's test jar (shared test helpers)
    ImportOption mainOnly = location -> !location.contains("test-classes") && !location.contains("-tests.jar");
    classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("org.aoiforecast");
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.aoiforecast.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("org.aoiforecast.core..").should().dependOnClassesThat()
        .resideInAnyPackage("org.aoiforecast.info..", "org.aoiforecast.forecasting..", "org.aoiforecast.solar..",
            "org.deeplearning4j..", "org.nd4j..")
        .check(classes);
  }

  @Test
  void infoTheoryDependsOnCoreOnly() {
    noClasses().that().resideInAPackage("org.aoiforecast.info..").should().dependOnClassesThat()
        .resideInAnyPackage("org.aoiforecast.forecasting..", "org.aoiforecast.solar..", "org.deeplearning4j..",
            "org.nd4j..")
        .check(classes);
  }

  @Test
  void forecastingDependsOnCoreOnly() {
    noClasses().that().resideInAPackage("org.aoiforecast.forecasting..").should().dependOnClassesThat()
        .resideInAnyPackage("org.aoiforecast.info..", "org.aoiforecast.solar..")
        .check(classes);
  }
}
