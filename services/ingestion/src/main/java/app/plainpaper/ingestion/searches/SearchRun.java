package app.plainpaper.ingestion.searches;

import app.plainpaper.events.SavedSearch;
import app.plainpaper.events.SourceKind;
import app.plainpaper.formats.ParsedRecord;
import app.plainpaper.formats.RejectedFileException;
import app.plainpaper.formats.pubmed.PubmedXmlParser;
import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.intake.ParsedSubmissions;
import app.plainpaper.ingestion.lookup.EutilsClient;
import app.plainpaper.ingestion.lookup.UpstreamFailure;
import app.plainpaper.ingestion.paper.InvalidPaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a saved search: esearch over the Entrez-date window from where the last run stopped to today, efetch of
 * the PMIDs not taken yet in batches, each paper through the intake. The new position is saved to the topic.
 */
public class SearchRun {

    private static final Logger log = LoggerFactory.getLogger(SearchRun.class);
    private static final DateTimeFormatter ENTREZ = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final EutilsClient pubmed;
    private final PaperIntake intake;
    private final SavedSearches searches;
    private final Clock clock;
    private final int firstWindowDays;
    private final int maxPerRun;
    private final int batchSize;

    public SearchRun(EutilsClient pubmed, PaperIntake intake, SavedSearches searches, Clock clock, int firstWindowDays,
                     int maxPerRun, int batchSize) {
        this.pubmed = pubmed;
        this.intake = intake;
        this.searches = searches;
        this.clock = clock;
        this.firstWindowDays = firstWindowDays;
        this.maxPerRun = maxPerRun;
        this.batchSize = batchSize;
    }

    public record Report(String searchId, String from, String to, int found, int alreadyTaken, int created,
                         int known, int rejected, List<String> reasons, String error) {
    }

    /** Runs are one at a time: a slow run never overlaps the next tick's run of the same search. */
    public synchronized Report run(String searchId) {
        SavedSearch search = searches.find(searchId)
                .orElseThrow(() -> new SearchNotFound("No saved search " + searchId));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = search.getWindowEnd() != null ? search.getWindowEnd() : today.minusDays(firstWindowDays);
        Set<String> taken = new LinkedHashSet<>(search.getPmidsOnWindowEnd());
        List<String> reasons = new ArrayList<>();
        int found = 0;
        int skipped = 0;
        int created = 0;
        int known = 0;
        int rejected = 0;
        boolean complete = false;
        String error = null;
        List<String> returned = new ArrayList<>();
        try {
            Map<String, String> window = new LinkedHashMap<>();
            window.put("datetype", "edat");
            window.put("mindate", ENTREZ.format(from));
            window.put("maxdate", ENTREZ.format(today));
            window.put("retmax", String.valueOf(maxPerRun));
            var result = pubmed.esearch(search.getQuery(), window);
            found = result.count();
            returned.addAll(result.ids());
            complete = result.count() <= result.ids().size();
            List<String> fresh = result.ids().stream().filter(id -> !taken.contains(id)).toList();
            skipped = result.ids().size() - fresh.size();
            for (int start = 0; start < fresh.size(); start += batchSize) {
                List<String> batch = fresh.subList(start, Math.min(fresh.size(), start + batchSize));
                for (ParsedRecord record : parse(pubmed.efetch(batch))) {
                    if (record instanceof ParsedRecord.Paper p) {
                        try {
                            var receipt = intake.accept(ParsedSubmissions.of(p.paper(),
                                    "https://pubmed.ncbi.nlm.nih.gov/" + p.paper().pmid() + "/"), SourceKind.SAVED_SEARCH);
                            if (receipt.created()) {
                                created++;
                            } else {
                                known++;
                            }
                        } catch (InvalidPaper invalid) {
                            rejected++;
                            reasons.add(p.paper().pmid() + ": " + invalid.getMessage());
                        }
                    } else if (record instanceof ParsedRecord.Rejected r) {
                        rejected++;
                        reasons.add((r.identifier() == null ? "record " + r.position() : r.identifier()) + ": " + r.reason());
                    }
                }
                // A PMID is taken once it was fetched, whatever became of it: a rejected record is not fetched again.
                taken.addAll(batch);
            }
        } catch (UpstreamFailure e) {
            error = e.getMessage();
            complete = false;
            log.warn("Saved search {} ({}) stopped: {}", search.getName(), searchId, error);
        }
        var next = SavedSearch.newBuilder(search)
                .setLastRunAt(clock.instant())
                .setLastError(error)
                .setPapersTaken(search.getPapersTaken() + created);
        if (complete) {
            // Everything up to today is taken; the next run starts today again and skips what today already gave.
            next.setWindowEnd(today).setPmidsOnWindowEnd(returned);
        } else {
            next.setWindowEnd(from).setPmidsOnWindowEnd(new ArrayList<>(taken));
        }
        if (searches.find(searchId).isPresent()) { // deleted meanwhile: do not bring it back
            searches.save(next.build());
        }
        log.info("Saved search {} ({}): {} found from {} to {}, {} already taken, {} new, {} known, {} rejected",
                search.getName(), searchId, found, from, today, skipped, created, known, rejected);
        return new Report(searchId, from.toString(), today.toString(), found, skipped, created, known, rejected,
                List.copyOf(reasons), error);
    }

    private static List<ParsedRecord> parse(byte[] xml) {
        if (xml.length == 0) {
            return List.of();
        }
        try {
            return new PubmedXmlParser().parse(new ByteArrayInputStream(xml));
        } catch (RejectedFileException e) {
            throw new UpstreamFailure(502, EutilsClient.SOURCE, "PubMed efetch answered something that is not PubMed XML: "
                    + e.getMessage(), e);
        }
    }

    /** Whether a search is due: never run, or its interval has passed since the last run. */
    public static boolean due(SavedSearch search, java.time.Instant now) {
        return search.getLastRunAt() == null
                || !search.getLastRunAt().plus(java.time.Duration.ofMinutes(search.getIntervalMinutes())).isAfter(now);
    }
}
