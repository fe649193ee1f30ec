package dev.mistralboot.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.test.MockMistral;
import dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample page in a real headless Chromium: the mock-mode badge shows, a streamed
 * answer arrives piece by piece, the tool-calling, search and fine-tuning sections work.
 * Needs Debian's {@code chromium} and {@code chromium-driver} (see the README's set-up
 * commands); skipped without them, failed under {@code CI=true}. Leaves a screenshot in
 * {@code target/sample-page.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = SampleApplicationTests.FAST_POLLING)
@AutoConfigureMockMistral
class SamplePageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String ANSWER = "Sunlight is scattered by the molecules of the air, and blue light, with its "
			+ "short wavelength, is scattered the most.";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMistral mistral;

	@TempDir
	private static Path profile;

	private static ChromeDriver browser;

	@BeforeAll
	static void openBrowser() {
		requireChromium();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1100,1400", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void script() {
		SampleMockScript.script(this.mistral);
		this.mistral.streamDelay(Duration.ofMillis(80));
	}

	@Test
	void streamedAnswerArrivesPieceByPiece() throws IOException {
		this.mistral.chat().reply(ANSWER);
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		wait.until((driver) -> text("mode").equals("mock mode"));
		assertThat(text("mode-text")).contains("MockMistral").contains(this.mistral.baseUrl());

		browser.findElement(By.id("chat-input")).clear();
		browser.findElement(By.id("chat-input")).sendKeys("Why is the sky blue?");
		browser.findElement(By.id("chat-stream")).click();
		List<String> seen = new ArrayList<>();
		wait.pollingEvery(Duration.ofMillis(20)).until((driver) -> {
			String output = text("chat-output");
			if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(output)) {
				seen.add(output);
			}
			return text("chat-status").startsWith("done");
		});

		assertThat(text("chat-output")).isEqualTo(ANSWER);
		assertThat(text("chat-status")).isEqualTo("done: " + ANSWER.split(" ").length + " tokens");
		List<String> partial = seen.stream().filter((output) -> !output.isEmpty() && !output.equals(ANSWER)).toList();
		assertThat(partial).as("partial answers seen while streaming").hasSizeGreaterThanOrEqualTo(3);
		assertThat(partial).allSatisfy((output) -> assertThat(ANSWER).startsWith(output));
		assertThat(this.mistral.lastChatRequest().stream()).isTrue();

		File screenshot = browser.getScreenshotAs(OutputType.FILE);
		Files.createDirectories(Path.of("target"));
		Files.copy(screenshot.toPath(), Path.of("target", "sample-page.png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void toolCallingAndSearchWorkFromThePage() {
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.findElement(By.id("pay-ask")).click();
		wait.until((driver) -> text("pay-output").startsWith("Transaction"));
		assertThat(text("pay-output")).startsWith("Transaction T1001 is paid.").contains("retrieve_payment_status");

		browser.findElement(By.id("search-go")).click();
		wait.until((driver) -> text("search-output").contains("Comté"));
		assertThat(text("search-output").lines().findFirst())
			.hasValueSatisfying((line) -> assertThat(line).contains("Comté"));
	}

	@Test
	void fineTuningJobIsWatchedUntilItEnds() {
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.findElement(By.id("ft-upload")).click();
		wait.until((driver) -> text("ft-output").contains("training.jsonl"));
		browser.findElement(By.id("ft-create")).click();
		wait.until((driver) -> text("ft-output").contains("job.metadata"));
		browser.findElement(By.id("ft-real")).click();
		browser.findElement(By.id("ft-create")).click();
		wait.until((driver) -> text("ft-output").contains("QUEUED"));
		browser.findElement(By.id("ft-follow")).click();
		wait.until((driver) -> text("ft-output").contains("ended"));

		assertThat(text("ft-output")).matches(
				"(?s)job \\S+ ended: VALIDATING → RUNNING → SUCCESS\nmodel: " + "ft:open-mistral-nemo:\\S+:sample");
	}

	private String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	private static void requireChromium() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String message = "The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
				+ ": install them with 'apt-get install -y chromium chromium-driver' (README, set-up commands)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(message + ". Failing because CI=true.");
		}
		throw new TestAbortedException(message + ". Skipping.");
	}

}
