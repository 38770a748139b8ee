package app.plainpaper.ingestion.imports;

import app.plainpaper.ingestion.intake.PaperIntake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    FileImport fileImport(PaperIntake intake, @Value("${plainpaper.imports.max-records:2000}") int maxRecords,
                          @Value("${plainpaper.imports.max-field-length:100000}") int maxFieldLength) {
        return new FileImport(intake, maxRecords, maxFieldLength);
    }
}
