package org.aoiforecast.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md for aoi-spark, checked on compiled main classes: no
 * package cycles within it, no dependency on forecasting or solar-demo, and Spark stays inside
 * this module (aoi-core and info-theory, on this class path too, never touch it).
 */
class SparkArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    ImportOption mainOnly = location -> !location.contains("test-classes") && !location.contains("-tests.jar");
    classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("org.aoiforecast");
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.aoiforecast.spark.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void sparkModuleUsesCoreAndInfoTheoryOnly() {
    noClasses().that().resideInAPackage("org.aoiforecast.spark..").should().dependOnClassesThat()
        .resideInAnyPackage("org.aoiforecast.forecasting..", "org.aoiforecast.solar..", "org.deeplearning4j..",
            "org.nd4j..")
        .check(classes);
  }

  @Test
  void sparkDoesNotLeakIntoCoreOrInfoTheory() {
    noClasses().that().resideInAnyPackage("org.aoiforecast.core..", "org.aoiforecast.info..").should()
        .dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
        .check(classes);
  }
}
