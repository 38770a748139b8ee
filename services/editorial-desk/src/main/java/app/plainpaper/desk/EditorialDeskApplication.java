package app.plainpaper.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EditorialDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(EditorialDeskApplication.class, args);
    }
}
