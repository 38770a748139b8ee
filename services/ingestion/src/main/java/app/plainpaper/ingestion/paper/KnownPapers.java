package app.plainpaper.ingestion.paper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which summary each paper identity (DOI, PMID, or title key) already belongs to. Rebuilt from the ingested topic. */
public class KnownPapers {

    private final Map<String, String> summaryByIdentity = new ConcurrentHashMap<>();

    public Optional<String> find(List<String> identityKeys) {
        for (String key : identityKeys) {
            String summaryId = summaryByIdentity.get(key);
            if (summaryId != null) {
                return Optional.of(summaryId);
            }
        }
        return Optional.empty();
    }

    public void remember(List<String> identityKeys, String summaryId) {
        identityKeys.forEach(key -> summaryByIdentity.putIfAbsent(key, summaryId));
    }

    public int size() {
        return summaryByIdentity.size();
    }
}
