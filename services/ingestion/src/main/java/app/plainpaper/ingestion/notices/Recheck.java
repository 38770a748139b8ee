package app.plainpaper.ingestion.notices;

import app.plainpaper.events.Paper;
import app.plainpaper.ingestion.intake.PaperIntake;
import app.plainpaper.ingestion.lookup.CrossrefClient;
import app.plainpaper.ingestion.lookup.EutilsClient;
import app.plainpaper.ingestion.lookup.UpstreamFailure;
import app.plainpaper.formats.RejectedFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks PubMed (by PMID, in batches) and Crossref (by DOI) again about every ingested paper, and records what is new
 * as a notice: a retraction once per paper, each erratum or expression of concern once. What was already noticed
 * comes from the notices topic, so a restart does not repeat anything.
 */
public class Recheck {

    private static final Logger log = LoggerFactory.getLogger(Recheck.class);

    private final PaperIntake intake;
    private final EutilsClient pubmed;
    private final CrossrefClient crossref;
    private final int batchSize;

    public Recheck(PaperIntake intake, EutilsClient pubmed, CrossrefClient crossref, int batchSize) {
        this.intake = intake;
        this.pubmed = pubmed;
        this.crossref = crossref;
        this.batchSize = batchSize;
    }

    public record Report(int papers, int notices, List<String> noticed, List<String> failures) {
    }

    public synchronized Report run() {
        Map<String, Paper> papers = intake.papers();
        List<String> noticed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, String> summaryByPmid = new HashMap<>();
        papers.forEach((summaryId, paper) -> {
            if (paper.getPmid() != null) {
                summaryByPmid.put(paper.getPmid(), summaryId);
            }
        });
        List<String> pmids = new ArrayList<>(summaryByPmid.keySet());
        for (int start = 0; start < pmids.size(); start += batchSize) {
            List<String> batch = pmids.subList(start, Math.min(pmids.size(), start + batchSize));
            try {
                PubmedNotices.read(pubmed.efetch(batch)).forEach((pmid, signals) -> {
                    String summaryId = summaryByPmid.get(pmid);
                    if (summaryId != null) {
                        signals.forEach(s -> record(summaryId, s, EutilsClient.SOURCE, noticed));
                    }
                });
            } catch (UpstreamFailure | RejectedFileException e) {
                failures.add("PubMed, PMIDs " + batch.get(0) + "...: " + e.getMessage());
            }
        }
        papers.forEach((summaryId, paper) -> {
            if (paper.getDoi() == null) {
                return;
            }
            try {
                CrossrefNotices.read(crossref.updatesOf(paper.getDoi()), paper.getDoi())
                        .forEach(s -> record(summaryId, s, CrossrefClient.SOURCE, noticed));
            } catch (UpstreamFailure | IllegalArgumentException e) {
                failures.add("Crossref, " + paper.getDoi() + ": " + e.getMessage());
            }
        });
        log.info("Re-checked {} papers: {} new notices, {} failures", papers.size(), noticed.size(), failures.size());
        return new Report(papers.size(), noticed.size(), List.copyOf(noticed), List.copyOf(failures));
    }

    private void record(String summaryId, NoticeSignal signal, String source, List<String> noticed) {
        intake.notice(summaryId, signal.kind(), signal.key(), signal.detail(), source)
                .ifPresent(n -> noticed.add(summaryId + " " + n.getKind().name().toLowerCase(Locale.ROOT) + ": " + n.getDetail()));
    }
}
