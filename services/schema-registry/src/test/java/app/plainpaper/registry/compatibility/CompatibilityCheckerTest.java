package app.plainpaper.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompatibilityCheckerTest {

  /**
   * One schema change, old to new, and whether each direction works: "backward" means the new
   * schema reads data written with the old one, "forward" the reverse.
   */
  record Evolution(String name, String oldSchema, String newSchema, boolean backward,
      boolean forward) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Summary\",\"namespace\":\"app.plainpaper\","
        + "\"fields\":[" + fields + "]}";
  }

  private static final String ID = "{\"name\":\"id\",\"type\":\"string\"}";

  static Stream<Evolution> evolutions() {
    return Stream.of(
        new Evolution("add field with default", record(ID),
            record(ID + ",{\"name\":\"pages\",\"type\":\"int\",\"default\":0}"), true, true),
        new Evolution("add field without default", record(ID),
            record(ID + ",{\"name\":\"pages\",\"type\":\"int\"}"), false, true),
        new Evolution("remove field that had a default",
            record(ID + ",{\"name\":\"pages\",\"type\":\"int\",\"default\":0}"), record(ID),
            true, true),
        new Evolution("remove field without default",
            record(ID + ",{\"name\":\"pages\",\"type\":\"int\"}"), record(ID), true, false),
        new Evolution("promote int to long",
            record("{\"name\":\"n\",\"type\":\"int\"}"), record("{\"name\":\"n\",\"type\":\"long\"}"),
            true, false),
        new Evolution("narrow long to int",
            record("{\"name\":\"n\",\"type\":\"long\"}"), record("{\"name\":\"n\",\"type\":\"int\"}"),
            false, true),
        new Evolution("promote float to double",
            record("{\"name\":\"n\",\"type\":\"float\"}"),
            record("{\"name\":\"n\",\"type\":\"double\"}"), true, false),
        new Evolution("promote int to float",
            record("{\"name\":\"n\",\"type\":\"int\"}"), record("{\"name\":\"n\",\"type\":\"float\"}"),
            true, false),
        new Evolution("string and bytes read each other",
            record("{\"name\":\"n\",\"type\":\"string\"}"),
            record("{\"name\":\"n\",\"type\":\"bytes\"}"), true, true),
        new Evolution("change string to int",
            record("{\"name\":\"n\",\"type\":\"string\"}"), record("{\"name\":\"n\",\"type\":\"int\"}"),
            false, false),
        new Evolution("add enum symbol", record(enumField("[\"DRAFT\",\"PUBLISHED\"]", null)),
            record(enumField("[\"DRAFT\",\"PUBLISHED\",\"RETRACTED\"]", null)), true, false),
        new Evolution("add enum symbol when the old enum has a default",
            record(enumField("[\"DRAFT\",\"PUBLISHED\"]", "DRAFT")),
            record(enumField("[\"DRAFT\",\"PUBLISHED\",\"RETRACTED\"]", "DRAFT")), true, true),
        new Evolution("remove enum symbol",
            record(enumField("[\"DRAFT\",\"PUBLISHED\",\"RETRACTED\"]", null)),
            record(enumField("[\"DRAFT\",\"PUBLISHED\"]", null)), false, true),
        new Evolution("make field optional (union with null)",
            record("{\"name\":\"n\",\"type\":\"string\"}"),
            record("{\"name\":\"n\",\"type\":[\"null\",\"string\"],\"default\":null}"), true, false),
        new Evolution("widen union",
            record("{\"name\":\"n\",\"type\":[\"null\",\"string\"],\"default\":null}"),
            record("{\"name\":\"n\",\"type\":[\"null\",\"string\",\"int\"],\"default\":null}"),
            true, false),
        new Evolution("rename field with alias", record("{\"name\":\"title\",\"type\":\"string\"}"),
            record("{\"name\":\"headline\",\"type\":\"string\",\"aliases\":[\"title\"]}"),
            true, false),
        new Evolution("rename record with alias", record(ID),
            "{\"type\":\"record\",\"name\":\"PlainSummary\",\"namespace\":\"app.plainpaper\","
                + "\"aliases\":[\"app.plainpaper.Summary\"],\"fields\":[" + ID + "]}",
            true, false),
        new Evolution("nested record gains field with default",
            record(nested("{\"name\":\"name\",\"type\":\"string\"}")),
            record(nested("{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"orcid\",\"type\":[\"null\",\"string\"],\"default\":null}")),
            true, true),
        new Evolution("nested record gains field without default",
            record(nested("{\"name\":\"name\",\"type\":\"string\"}")),
            record(nested("{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"orcid\",\"type\":\"string\"}")),
            false, true),
        new Evolution("nested field type changes",
            record(nested("{\"name\":\"name\",\"type\":\"string\"}")),
            record(nested("{\"name\":\"name\",\"type\":\"int\"}")), false, false));
  }

  private static String enumField(String symbols, String defaultSymbol) {
    return "{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"Status\",\"symbols\":"
        + symbols + (defaultSymbol == null ? "" : ",\"default\":\"" + defaultSymbol + "\"") + "}}";
  }

  private static String nested(String authorFields) {
    return "{\"name\":\"author\",\"type\":{\"type\":\"record\",\"name\":\"Author\",\"fields\":["
        + authorFields + "]}}";
  }

  static Stream<Arguments> everyModeForEveryEvolution() {
    return evolutions().flatMap(evolution -> EnumSet.allOf(CompatibilityLevel.class).stream()
        .map(level -> Arguments.of(evolution, level)));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("everyModeForEveryEvolution")
  void decidesEachEvolutionUnderEachMode(Evolution evolution, CompatibilityLevel level) {
    List<String> problems = CompatibilityChecker.incompatibilities(
        level, parse(evolution.newSchema()), List.of(parse(evolution.oldSchema())));

    boolean expected = switch (level) {
      case NONE -> true;
      case BACKWARD, BACKWARD_TRANSITIVE -> evolution.backward();
      case FORWARD, FORWARD_TRANSITIVE -> evolution.forward();
      case FULL, FULL_TRANSITIVE -> evolution.backward() && evolution.forward();
    };
    assertThat(problems).as("problems of %s under %s", evolution, level)
        .satisfies(list -> assertThat(list.isEmpty()).isEqualTo(expected));
  }

  @Test
  void explainsAMissingDefault() {
    List<String> problems = CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD,
        parse(record(ID + ",{\"name\":\"pages\",\"type\":\"int\"}")), List.of(parse(record(ID))));

    assertThat(problems).singleElement().asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("pages")
        .contains("the new schema cannot read data written with the latest previous schema");
  }

  @Test
  void explainsAMissingEnumSymbolForOldReaders() {
    List<String> problems = CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD,
        parse(record(enumField("[\"DRAFT\",\"PUBLISHED\",\"RETRACTED\"]", null))),
        List.of(parse(record(enumField("[\"DRAFT\",\"PUBLISHED\"]", null)))));

    assertThat(problems).singleElement().asString()
        .contains("MISSING_ENUM_SYMBOLS")
        .contains("RETRACTED")
        .contains("cannot read data written with the new schema");
  }

  @Test
  void fullReportsBothDirections() {
    List<String> problems = CompatibilityChecker.incompatibilities(CompatibilityLevel.FULL,
        parse(record("{\"name\":\"n\",\"type\":\"string\"}")),
        List.of(parse(record("{\"name\":\"n\",\"type\":\"int\"}"))));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("the new schema cannot read");
    assertThat(problems.get(1)).contains("cannot read data written with the new schema");
  }

  // v1 has no 'pages'; v2 adds it with a default; v3 drops the default.
  private static final List<String> BACKWARD_HISTORY = List.of(
      record(ID),
      record(ID + ",{\"name\":\"pages\",\"type\":\"int\",\"default\":0}"));
  private static final String BACKWARD_CANDIDATE =
      record(ID + ",{\"name\":\"pages\",\"type\":\"int\"}");

  // v1 has 'pages' without default; v2 gives it a default; v3 removes it.
  private static final List<String> FORWARD_HISTORY = List.of(
      record(ID + ",{\"name\":\"pages\",\"type\":\"int\"}"),
      record(ID + ",{\"name\":\"pages\",\"type\":\"int\",\"default\":0}"));
  private static final String FORWARD_CANDIDATE = record(ID);

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void transitiveModesCheckEveryEarlierSchemaOthersOnlyTheLatest(CompatibilityLevel level) {
    List<String> backward = CompatibilityChecker.incompatibilities(level,
        parse(BACKWARD_CANDIDATE), BACKWARD_HISTORY.stream().map(CompatibilityCheckerTest::parse).toList());
    List<String> forward = CompatibilityChecker.incompatibilities(level,
        parse(FORWARD_CANDIDATE), FORWARD_HISTORY.stream().map(CompatibilityCheckerTest::parse).toList());

    boolean backwardBreaks = level == CompatibilityLevel.BACKWARD_TRANSITIVE
        || level == CompatibilityLevel.FULL_TRANSITIVE;
    boolean forwardBreaks = level == CompatibilityLevel.FORWARD_TRANSITIVE
        || level == CompatibilityLevel.FULL_TRANSITIVE;
    assertThat(backward.isEmpty()).as("backward history under %s: %s", level, backward)
        .isEqualTo(!backwardBreaks);
    assertThat(forward.isEmpty()).as("forward history under %s: %s", level, forward)
        .isEqualTo(!forwardBreaks);
    if (backwardBreaks) {
      assertThat(backward).allSatisfy(message ->
          assertThat(message).contains("previous schema 1 of 2"));
    }
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void anythingMayBeFirst(CompatibilityLevel level) {
    assertThat(CompatibilityChecker.incompatibilities(level, parse("\"string\""), List.of()))
        .isEmpty();
  }

  @Test
  void identicalSchemasAreCompatibleUnderEveryMode() {
    for (CompatibilityLevel level : CompatibilityLevel.values()) {
      String schema = record(nested("{\"name\":\"name\",\"type\":\"string\"}"));
      assertThat(CompatibilityChecker.incompatibilities(level, parse(schema),
          List.of(parse(schema), parse(schema)))).as(level.name()).isEmpty();
    }
  }

  @Test
  void levelNamesParseCaseInsensitively() {
    assertThat(CompatibilityLevel.forName("full_transitive"))
        .contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.forName(" Backward ")).contains(CompatibilityLevel.BACKWARD);
    assertThat(CompatibilityLevel.forName("SIDEWAYS")).isEqualTo(Optional.empty());
    assertThat(CompatibilityLevel.forName(null)).isEmpty();
  }

  @Test
  void rejectsMissingArguments() {
    assertThatThrownBy(() -> CompatibilityChecker.incompatibilities(null, parse("\"int\""), List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }
}
