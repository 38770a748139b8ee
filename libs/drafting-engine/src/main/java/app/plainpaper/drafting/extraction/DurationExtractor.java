package app.plainpaper.drafting.extraction;

import app.plainpaper.drafting.StudyDesign;
import app.plainpaper.drafting.source.AbstractSentence;
import app.plainpaper.drafting.source.PaperText;
import app.plainpaper.drafting.source.SentenceRole;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a study ran: its calendar period ("October 2002 to December 2004") and stated lengths
 * ("52-week trial", "followed for 18-36 months", "the first 90 days after spinal cord injury").
 * Only words of the source are used; empty when the abstract does not say.
 */
public final class DurationExtractor {

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
    private static final String YEAR = "(?:19[5-9]\\d|20[0-4]\\d)";
    private static final Pattern PERIOD = Pattern.compile("(?:\\b(from|between|during|in|over)\\s+)?"
            + "\\b((" + MONTH + ")\\s+)?(" + YEAR + ")\\s*(to|and|through|until|till|–|-)\\s*((" + MONTH + ")\\s+)?(" + YEAR
            + ")\\b");
    private static final Pattern SINGLE_YEAR = Pattern.compile(
            "\\b(?:conducted|carried out|performed|recruited|enrolled|collected|survey(?:ed)?)\\b[^.;]{0,40}?\\bin ("
                    + YEAR + ")\\b|\\bIn (" + YEAR + "), an? [a-z -]{0,30}(?:survey|study|trial)\\b");
    private static final String SPAN = "(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty)";
    private static final String UNIT = "(?:days?|weeks?|months?|years?)";
    private static final String RANGE = SPAN + "(?:\\s*" + UNIT + ")??(?:\\s*(?:-|–|to|and)\\s*" + SPAN + ")?";
    /** Sentences about a literature search: their dates are search dates, not how long anyone was studied. */
    private static final Pattern SEARCH = Pattern.compile(
            "\\b(searched|searches|search date|databases?|registers?|up to date)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> LENGTHS = List.of(
            Pattern.compile("\\b" + SPAN + "[- ]" + UNIT + "\\b(?:,?\\s+[\\w-]+){0,2}?\\s+"
                    + "(?:trial|study|period|programme|program|follow-up|intervention|course)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfollowed(?: up)? for\\s+" + SPAN + "(?:\\s*(?:-|–|to)\\s*" + SPAN + ")?"
                    + "(?:\\s*\\([^)]*\\))?\\s+" + UNIT + "\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfollow-up(?: period)?\\b[^.;]{0,60}?\\branged from\\s+" + SPAN + "\\s+to\\s+" + SPAN
                    + "\\s+" + UNIT + "\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:within |over |during )?the first\\s+(?:" + SPAN + "\\s+)?" + UNIT
                    + "\\s+(?:after|following|post)\\b(?:\\s+[a-z-]+){0,3}?\\s+(?:injury|surgery|onset|diagnosis)\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b" + SPAN + "[- ](?:" + UNIT + ")[- ]post[- ]injury\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b" + SPAN + " decades of\\b", Pattern.CASE_INSENSITIVE),
            // "follow-up of 6 to 12 months", "median follow-up was 14.1 months", "follow-up period of up to two years"
            Pattern.compile("\\bfollow-up(?: period| time)?\\s+(?:of|was|lasted)\\s+(?:only |up to |between |about |"
                    + "approximately |at least |around )?" + RANGE + "\\s+" + UNIT + "\\b", Pattern.CASE_INSENSITIVE),
            // "trial duration was only 6 weeks", "Study duration for treatments was four to six weeks"
            Pattern.compile("\\b(?:trial|study|treatment|intervention|follow-up)s?\\s+(?:durations?|periods?|lengths?)"
                    + "(?:\\s+for\\s+[a-z]+)?\\s+(?:was|were|of|lasted)\\s+(?:only |up to |between |about |"
                    + "approximately )?" + RANGE + "\\s+" + UNIT + "\\b", Pattern.CASE_INSENSITIVE),
            // "trials lasted between 2 and 12 weeks", "durations ranged from 4 weeks to 2 years"
            Pattern.compile("\\b(?:trials|studies|treatment|intervention|follow-up|durations?)\\b[^.;]{0,30}?\\b"
                    + "(?:lasted|lasting|ranged|ranging|varied|varying)\\s+(?:from |between |up to )?" + RANGE + "\\s+"
                    + UNIT + "\\b", Pattern.CASE_INSENSITIVE),
            // a treatment given over a stated time: "treated daily for 12 weeks", "training over 24 weeks"
            Pattern.compile("\\b(?:treated|received|given|administered|trained|training|exercised|intervention|"
                    + "therapy|treatment|supplementation|randomi[sz]ed)\\b[^.;]{0,40}?\\b(?:for|over)\\s+(?:a period of )?"
                    + RANGE + "\\s+(?:days|weeks|months)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bover the course of (?:almost |nearly |about )?" + SPAN + " years\\b",
                    Pattern.CASE_INSENSITIVE));
    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)");

    public Optional<String> extract(PaperText paper, StudyDesign design) {
        Set<String> periods = new LinkedHashSet<>();
        Set<String> lengths = new LinkedHashSet<>();
        boolean singleCases = design == StudyDesign.CASE_REPORT || design == StudyDesign.CASE_SERIES;
        List<AbstractSentence> sentences = paper.sentences().stream()
                .filter(s -> s.role() != SentenceRole.BACKGROUND || paper.sentences().size() <= 2)
                .filter(s -> !SEARCH.matcher(s.text()).find())
                .toList();
        for (AbstractSentence s : sentences) {
            Matcher p = PERIOD.matcher(s.text());
            while (p.find()) {
                if (isPeriod(p)) {
                    periods.add(period(p));
                }
            }
        }
        if (periods.isEmpty()) {
            for (AbstractSentence s : sentences) {
                Matcher y = SINGLE_YEAR.matcher(s.text());
                while (y.find()) {
                    periods.add("In " + (y.group(1) != null ? y.group(1) : y.group(2)));
                }
            }
        }
        if (!singleCases) {
            for (AbstractSentence s : sentences) {
                for (Pattern pattern : LENGTHS) {
                    Matcher m = pattern.matcher(s.text());
                    while (m.find()) {
                        if (m.start() > 0 && s.text().substring(Math.max(0, m.start() - 3), m.start()).matches(".*[≤<>≥].*")) {
                            continue; // "(≤ 2 weeks post-injury)" is a time point, not a length
                        }
                        lengths.add(PARENTHETICAL.matcher(m.group().strip()).replaceAll("").replaceAll("\\s+of$", ""));
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>(periods);
        for (String length : lengths) {
            if (parts.stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).contains(length.toLowerCase(Locale.ROOT)))) {
                parts.add(length);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> kept = parts.subList(0, Math.min(3, parts.size()));
        String joined = String.join("; ", kept);
        return Optional.of(ParticipantsExtractor.capitalise(joined));
    }

    private static boolean isPeriod(Matcher p) {
        boolean months = p.group(3) != null && p.group(7) != null;
        boolean introduced = p.group(1) != null && !p.group(1).equalsIgnoreCase("in")
                || p.group(5).matches("-|–") || p.group(1) != null && p.group(5).matches("-|–|to");
        int from = Integer.parseInt(p.group(4));
        int to = Integer.parseInt(p.group(8));
        return to >= from && to - from <= 60 && (months || introduced);
    }

    private static String period(Matcher p) {
        String start = (p.group(2) == null ? "" : p.group(2)) + p.group(4);
        String end = (p.group(6) == null ? "" : p.group(6)) + p.group(8);
        if (p.group(5).matches("-|–") && p.group(2) == null && p.group(6) == null) {
            return p.group(4) + p.group(5) + p.group(8);
        }
        return start.strip() + " to " + end.strip();
    }
}
