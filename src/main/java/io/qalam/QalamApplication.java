package io.qalam;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.ClassUtils;

@SpringBootApplication
public class QalamApplication {

	public static void main(String[] args) {
		if (args.length > 0 && QalamCommands.isCommand(args[0])) {
			// a command works out its beans at start: it runs without the web server the
			// packaged bean definitions include
			System.exit(QalamCommands.run(args, System.out));
		}
		if (isPackagedWithAotCode() && System.getProperty(AotDetector.AOT_ENABLED) == null) {
			// The packaged jar carries the bean definitions Spring worked out when
			// it was built (process-aot in the pom): no configuration classes to read
			// and no conditions to weigh at start, one to two seconds less. Runs from
			// the sources (tests, spring-boot:run) work them out at start, so edits
			// count at once. -Dspring.aot.enabled=false starts the jar the slower way
			System.setProperty(AotDetector.AOT_ENABLED, "true");
		}
		SpringApplication.run(QalamApplication.class, args);
	}

	private static boolean isPackagedWithAotCode() {
		var self = QalamApplication.class.getResource("QalamApplication.class");
		return self != null && "jar".equals(self.getProtocol())
				&& ClassUtils.isPresent(QalamApplication.class.getName() + "__ApplicationContextInitializer",
						QalamApplication.class.getClassLoader());
	}

}
