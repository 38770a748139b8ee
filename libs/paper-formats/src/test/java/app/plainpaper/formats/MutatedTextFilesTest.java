package app.plainpaper.formats;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.formats.bibtex.BibtexParser;
import app.plainpaper.formats.crossref.CrossrefWorkParser;
import app.plainpaper.formats.medline.MedlineParser;
import app.plainpaper.formats.ris.RisParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation fuzzing of the real MEDLINE, RIS, BibTeX and Crossref files: truncation, byte flips,
 * deleted and repeated spans, re-encoding (UTF-16 without BOM, Latin-1 of UTF-8 text), inserted binary.
 * Every parser on every mutant returns records or throws {@link RejectedFileException}, nothing else.
 */
class MutatedTextFilesTest {

    private static final int SEEDS_PER_FILE = 60;
    private static final List<Function<InputStream, List<ParsedRecord>>> PARSERS = List.of(
            new MedlineParser()::parse, new RisParser()::parse, new BibtexParser()::parse, new CrossrefWorkParser()::parse);

    static Stream<Arguments> mutations() {
        List<String> files = new ArrayList<>(RealFiles.MEDLINE);
        files.addAll(RealFiles.RIS);
        files.addAll(RealFiles.BIBTEX);
        files.add(RealFiles.CROSSREF);
        return files.stream().flatMap(f -> Stream.iterate(1L, s -> s + 1).limit(SEEDS_PER_FILE)
                .map(seed -> Arguments.of(f, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("mutations")
    void parsersOnlyEverReturnRecordsOrTheDefinedRejection(String file, long seed) {
        byte[] mutated = mutate(RealFiles.fixture(file), new Random(seed * 31 + file.hashCode()));
        for (var parser : PARSERS) {
            try {
                for (ParsedRecord r : parser.apply(new ByteArrayInputStream(mutated))) {
                    if (r instanceof ParsedRecord.Rejected rejected) {
                        assertThat(rejected.reason()).isNotBlank();
                    } else {
                        ParsedPaper p = ((ParsedRecord.Paper) r).paper();
                        assertThat(p.title()).isNotBlank();
                        assertThat(p.abstractSections()).isNotEmpty();
                    }
                }
            } catch (RejectedFileException expected) {
                assertThat(expected.code()).isNotBlank();
            } catch (Throwable other) {
                throw new AssertionError("undefined failure on " + file + " seed " + seed, other);
            }
        }
    }

    /** One record broken in the middle of a real multi-record file: the records around it still come out whole. */
    @Test
    void goodRecordsInABrokenFileStillGoThrough() {
        assertNeighboursSurvive(new RisParser()::parse, RealFiles.RIS.get(0), "TY  - JOUR", 2, "\u0000\u00ff\u00fe broken");
        assertNeighboursSurvive(new MedlineParser()::parse, RealFiles.MEDLINE.get(0), "PMID- ", 2, "\u0000\u0001 binary");
        String bib = new String(RealFiles.fixture(RealFiles.BIBTEX.get(0)), StandardCharsets.UTF_8);
        String three = bib + "\n@article{broken, title = {unclosed, abstract = {x}\n" + bib.replace("Sankar_2014", "again");
        List<ParsedRecord> records = new BibtexParser().parse(new ByteArrayInputStream(three.getBytes(StandardCharsets.UTF_8)));
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Paper.class);
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(records.get(2)).isInstanceOf(ParsedRecord.Paper.class);
        assertThat(((ParsedRecord.Paper) records.get(2)).paper()).isEqualTo(((ParsedRecord.Paper) records.get(0)).paper());
    }

    private static void assertNeighboursSurvive(Function<InputStream, List<ParsedRecord>> parser, String file, String recordStart,
                                                int broken, String garbage) {
        String text = new String(RealFiles.fixture(file), StandardCharsets.UTF_8);
        List<ParsedRecord> original = parser.apply(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        int at = -1;
        for (int i = 0; i < broken; i++) at = text.indexOf(recordStart, at + 1);
        int mid = text.indexOf('\n', at + 1) + 1; // after the first line of that record
        String damaged = text.substring(0, mid) + garbage + "\n" + text.substring(mid);
        byte[] bytes = damaged.getBytes(StandardCharsets.UTF_8);
        List<ParsedRecord> after = parser.apply(new ByteArrayInputStream(bytes));
        assertThat(after).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            if (i == broken - 1) {
                assertThat(after.get(i)).as(file + " record " + (i + 1)).isInstanceOf(ParsedRecord.Rejected.class);
            } else {
                assertThat(after.get(i)).as(file + " record " + (i + 1)).isEqualTo(original.get(i));
            }
        }
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] out = in;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = switch (random.nextInt(7)) {
                case 0 -> Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 1 -> flip(out, random);
                case 2 -> splice(out, random, false);
                case 3 -> splice(out, random, true);
                case 4 -> new String(out, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE); // no BOM
                case 5 -> new String(out, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8); // double-encoded
                default -> binary(out, random);
            };
        }
        return out;
    }

    private static byte[] flip(byte[] in, Random random) {
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] splice(byte[] in, Random random, boolean repeat) {
        if (in.length < 2) return in;
        int start = random.nextInt(in.length);
        int end = Math.min(in.length, start + 1 + random.nextInt(2000));
        byte[] head = Arrays.copyOf(in, repeat ? end : start);
        byte[] tail = Arrays.copyOfRange(in, repeat ? start : end, in.length);
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    /** Random bytes inserted somewhere (a chunk of a binary file pasted in). */
    private static byte[] binary(byte[] in, Random random) {
        byte[] noise = new byte[1 + random.nextInt(512)];
        random.nextBytes(noise);
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        byte[] out = new byte[in.length + noise.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(in, at, out, at + noise.length, in.length - at);
        return out;
    }
}
