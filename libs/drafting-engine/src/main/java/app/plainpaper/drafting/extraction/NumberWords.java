package app.plainpaper.drafting.extraction;

/** Regular-expression pieces for counts written in digits or words, as abstracts write them. */
final class NumberWords {

    private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            + "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    /** 1 to 99 in words: "three", "ninety-six". */
    private static final String BELOW_HUNDRED = "(?:(?:" + TENS + ")(?:-(?:" + UNITS + "))?|(?:" + UNITS + "))";
    /** 100 to 999: "One hundred", "three hundred and eleven". */
    private static final String HUNDREDS = "(?:(?:a|" + UNITS + ") hundred(?:(?: and)? " + BELOW_HUNDRED + ")?)";
    /**
     * 1,000 and up: "Four thousand three hundred and eleven", "twelve thousand", "a thousand and twenty". Without it
     * the count was taken from its tail ("three hundred and eleven patients"): a wrong number on the page.
     */
    private static final String THOUSANDS = "(?:(?:a|" + HUNDREDS + "|" + BELOW_HUNDRED + ") thousand(?:,?(?: and)? (?:"
            + HUNDREDS + "|" + BELOW_HUNDRED + "))?)";

    /** A count: "45 079", "2,171", "12", "One hundred", "ninety-six", "three", "Four thousand three hundred and eleven". */
    static final String COUNT = "(?:\\d{1,3}(?:[ ,]\\d{3})+(?![\\d.])|\\d+(?![\\d.,]\\d)"
            + "|" + THOUSANDS + "|" + HUNDREDS + "|" + BELOW_HUNDRED + ")";

    /** An age such as "29-year-old", "seven-year-old", "16-month-old". */
    static final String AGE = "(?:\\d+|" + UNITS + "|" + TENS + "(?:-(?:" + UNITS + "))?)[- ](?:year|month|week|day)s?[- ]old";

    private NumberWords() {
    }
}
