package app.plainpaper.ingestion.imports;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * Imports a file (PubMed XML, JATS, MEDLINE, RIS, BibTeX, Crossref JSON) as a multipart "file" part or as the raw
 * body of any content type; the content decides the format unless {@code ?format=} names it.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final FileImport fileImport;
    private final long maxBytes;

    ImportController(FileImport fileImport, @Value("${plainpaper.imports.max-size:20MB}") DataSize maxSize) {
        this.fileImport = fileImport;
        this.maxBytes = maxSize.toBytes();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ImportReport multipart(@RequestPart("file") MultipartFile file,
                           @RequestParam(name = "format", required = false) String format) throws IOException {
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        return fileImport.run(file.getBytes(), name, format);
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ImportReport raw(HttpServletRequest request,
                     @RequestParam(name = "format", required = false) String format,
                     @RequestParam(name = "name", required = false) String name) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        return fileImport.run(readAtMost(request.getInputStream()), name == null || name.isBlank() ? "body" : name, format);
    }

    /** Stops reading one byte past the limit, so a body without (or with a false) Content-Length cannot fill memory. */
    private byte[] readAtMost(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (content.length > maxBytes) {
            throw tooLarge();
        }
        return content;
    }

    private ImportRefused tooLarge() {
        return new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                "An import takes at most " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB. Split the file and import the parts.");
    }
}
