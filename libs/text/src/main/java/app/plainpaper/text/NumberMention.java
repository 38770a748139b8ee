package app.plainpaper.text;

/**
 * A number written in a text, with its normalised value and what it counts or measures.
 *
 * @param raw   the text of the mention as written ("thirty", "1,000", "P < .05", "50 per cent")
 * @param value normalised value ("thirty" = 30, "50 per cent" = 50, ".5" = 0.5, "P < .05" = 0.05)
 * @param unit  normalised unit or counted thing, or null: "%", "mg", "mg/kg", "weeks", "patients",
 *              "per 1000" (natural frequencies) ...
 * @param kind  what sort of number it is
 * @param start offset of the mention in the text
 * @param end   offset just past the mention (exclusive)
 */
public record NumberMention(String raw, double value, String unit, Kind kind, int start, int end) {

    public enum Kind {
        /** A number of people or things ("212 participants", "six trials"). */
        COUNT,
        /** A percentage ("50%", "50 per cent", "two thirds" = 66.7). */
        PERCENT,
        /** A ratio or natural frequency ("RR 0.81", "74 per 1,000", "3-fold"). */
        RATIO,
        /** A confidence interval bound, or its level ("95%" in "95% CI", unit "%"). */
        CI,
        /** A p-value ("P < 0.05"); value is the threshold or figure. */
        P_VALUE,
        /** An amount of a drug or substance ("20 mg/day"). */
        DOSE,
        /** A length of time ("24 weeks", "one to two weeks"). */
        DURATION,
        /** A calendar date ("March 2017"); value is the year. */
        DATE,
        /** A bare calendar year ("in 2017"). */
        YEAR,
        /** Any other number. */
        OTHER
    }
}
