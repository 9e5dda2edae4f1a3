package io.tidemark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure README's Architecture section draws, enforced: packages form a DAG, the
 * schema model needs only the JDK and Jackson, internals never reach up into the API, the plan knows
 * no engine, and what users touch exposes no internal type.
 */
class ArchitectureTest {

  /**
   * The packages users and generated code touch. Everything else is under {@code io.tidemark.internal},
   * but for {@code io.tidemark.launch}, the command line of pipeline jars (whose reports the Maven plugin
   * shares), which sits on top of both.
   */
  static final String[] API = {"io.tidemark.annotation..", "io.tidemark.schema..", "io.tidemark.function..",
      "io.tidemark.stream..", "io.tidemark.source..", "io.tidemark.sink..", "io.tidemark.checkpoint..",
      "io.tidemark.testing.."};

  static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.tidemark");

  @Test
  void packagesFormADirectedAcyclicGraph() {
    slices().matching("io.tidemark.(**)").should().beFreeOfCycles().check(RUNTIME);
  }

  @Test
  void theSchemaModelDependsOnTheJdkAndJacksonOnly() {
    classes().that().resideInAPackage("io.tidemark.schema..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.tidemark.schema..", "java..",
            "com.fasterxml.jackson..")
        .check(RUNTIME);
  }

  @Test
  void theTypesOfUserFunctionsDependOnTheSchemaModelOnly() {
    classes().that().resideInAPackage("io.tidemark.function..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.tidemark.function..", "io.tidemark.schema..",
            "java..")
        .check(RUNTIME);
  }

  @Test
  void internalsNeverDependOnTheApiAboveThem() {
    noClasses().that().resideInAPackage("io.tidemark.internal..")
        .should().dependOnClassesThat().resideInAnyPackage("io.tidemark.stream..", "io.tidemark.testing..",
            "io.tidemark.launch..")
        .check(RUNTIME);
  }

  @Test
  void thePlanKnowsNoEngineAndEnginesKnowNoOtherEngine() {
    noClasses().that().resideInAPackage("io.tidemark.internal.plan..")
        .should().dependOnClassesThat().resideInAnyPackage("io.tidemark.internal.local..",
            "io.tidemark.internal.driver..")
        .check(RUNTIME);
    noClasses().that().resideInAPackage("io.tidemark.internal.local..")
        .should().dependOnClassesThat().resideInAPackage("io.tidemark.internal.driver..")
        .check(RUNTIME);
    noClasses().that().resideInAPackage("io.tidemark.internal.driver..")
        .should().dependOnClassesThat().resideInAPackage("io.tidemark.internal.local..")
        .check(RUNTIME);
  }

  @Test
  void theStreamApiReachesTheLocalEngineOnlyThroughTheEngineInterface() {
    noClasses().that().resideInAPackage("io.tidemark.stream..")
        .should().dependOnClassesThat().resideInAPackage("io.tidemark.internal.local..")
        .check(RUNTIME);
  }

  @Test
  void sourcesSinksAndCheckpointsKnowNeitherThePlanNorAnEngine() {
    noClasses().that().resideInAnyPackage("io.tidemark.internal.source..", "io.tidemark.internal.sink..",
            "io.tidemark.internal.checkpoint..")
        .should().dependOnClassesThat().resideInAnyPackage("io.tidemark.internal.plan..",
            "io.tidemark.internal.local..", "io.tidemark.internal.driver..")
        .check(RUNTIME);
  }

  @Test
  void theApiExposesNoInternalType() {
    classes().that().resideInAnyPackage(API).and().arePublic()
        .should(new ArchCondition<>("expose no io.tidemark.internal type in a public or protected signature") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            Stream.concat(type.getCodeUnits().stream().filter(unit -> visible(unit.getModifiers()))
                    .flatMap(ArchitectureTest::signatureTypes).map(t -> t.getName() + " in " + describe(type)),
                type.getFields().stream().filter(field -> visible(field.getModifiers()))
                    .map(JavaField::getRawType).map(t -> t.getName() + " in " + describe(type)))
                .filter(name -> name.startsWith("io.tidemark.internal."))
                .forEach(name -> events.add(SimpleConditionEvent.violated(type, name)));
            type.getRawSuperclass().filter(INTERNAL).ifPresent(superclass ->
                events.add(SimpleConditionEvent.violated(type, type.getName() + " extends " + superclass.getName())));
            type.getRawInterfaces().stream().filter(INTERNAL).forEach(iface ->
                events.add(SimpleConditionEvent.violated(type, type.getName() + " implements " + iface.getName())));
          }
        })
        .check(RUNTIME);
  }

  private static final DescribedPredicate<JavaClass> INTERNAL =
      DescribedPredicate.describe("internal", c -> c.getPackageName().startsWith("io.tidemark.internal"));

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static Stream<JavaClass> signatureTypes(JavaCodeUnit unit) {
    return Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream());
  }

  private static String describe(JavaClass type) {
    return type.getName();
  }
}
