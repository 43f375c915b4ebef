package io.qalam;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QalamApplication {

	public static void main(String[] args) {
		SpringApplication.run(QalamApplication.class, args);
	}

}
