package app.plainpaper.drafting.extraction;

/** Regular-expression pieces for counts written in digits or words, as abstracts write them. */
final class NumberWords {

    private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            + "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    /** A count: "45 079", "2,171", "12", "One hundred", "ninety-six", "three". */
    static final String COUNT = "(?:\\d{1,3}(?:[ ,]\\d{3})+(?![\\d.])|\\d+(?![\\d.,]\\d)"
            + "|(?:(?:a|one|two|three|four|five|six|seven|eight|nine) (?:hundred|thousand)(?: and)?(?: (?:" + TENS + ")(?:-(?:" + UNITS + "))?| (?:" + UNITS + "))?)"
            + "|(?:(?:" + TENS + ")(?:-(?:" + UNITS + "))?)|(?:" + UNITS + "))";

    /** An age such as "29-year-old", "seven-year-old", "16-month-old". */
    static final String AGE = "(?:\\d+|" + UNITS + "|" + TENS + "(?:-(?:" + UNITS + "))?)[- ](?:year|month|week|day)s?[- ]old";

    private NumberWords() {
    }
}
