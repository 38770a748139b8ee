package app.plainpaper.registry.schema;

import java.util.Locale;
import java.util.OptionalInt;

/** A version as clients write it in paths: a number from 1, or "latest" (also "-1"). */
public record VersionSpec(OptionalInt number) {

  public static final VersionSpec LATEST = new VersionSpec(OptionalInt.empty());

  public static VersionSpec parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.toLowerCase(Locale.ROOT).equals("latest") || trimmed.equals("-1")) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(trimmed);
      if (number >= 1) {
        return new VersionSpec(OptionalInt.of(number));
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw RegistryException.invalidVersion(text);
  }

  public boolean latest() {
    return number.isEmpty();
  }
}
