package app.plainpaper.drafting.evidence;

import app.plainpaper.drafting.StudyDesign;

import java.util.List;

/**
 * The design read from a paper, the cues that decided it and any other design the paper names as strongly.
 */
public record DesignReading(StudyDesign design, List<DesignCue> cues, List<StudyDesign> conflicting) {
    public DesignReading {
        cues = List.copyOf(cues);
        conflicting = List.copyOf(conflicting);
    }

    /** The strongest cue for the chosen design, if any. */
    public DesignCue decisiveCue() {
        return cues.stream().filter(c -> c.design() == design)
                .max((a, b) -> Integer.compare(a.weight(), b.weight())).orElse(null);
    }
}
