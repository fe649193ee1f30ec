package dev.mistralboot.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The sample page in a real headless Chromium: the mock-mode badge shows, a streamed
 * answer arrives piece by piece, the tool-calling, search, fine-tuning, agent
 * conversation, document library and audio sections work. Needs Debian's {@code chromium}
 * and {@code chromium-driver} (see the README's set-up commands); skipped without them,
 * failed under {@code CI=true}. Leaves a screenshot in {@code target/sample-page.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { SampleApplicationTests.FAST_POLLING, SampleApplicationTests.FAST_LIBRARY_POLLING })
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

	/** Explicit waits, generous for a slow machine; never a sleep. */
	private WebDriverWait wait;

	@BeforeAll
	static void openBrowser() {
		requireChromium();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1100,1400", "--user-data-dir=" + profile,
				"--autoplay-policy=no-user-gesture-required", "--mute-audio");
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
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	@Test
	void streamedAnswerArrivesPieceByPiece() throws IOException {
		this.mistral.chat().reply(ANSWER);
		open();

		this.wait.until((driver) -> text("mode").equals("mock mode"));
		assertThat(text("mode-text")).contains("MockMistral").contains(this.mistral.baseUrl());

		browser.findElement(By.id("chat-input")).clear();
		browser.findElement(By.id("chat-input")).sendKeys("Why is the sky blue?");
		// counts the page's updates of the answer box: one per token event, however fast
		// or slow they arrive (no polling of intermediate states)
		browser.executeScript("window.answerUpdates = 0; new MutationObserver((records) => "
				+ "window.answerUpdates += records.length).observe(document.getElementById('chat-output'), "
				+ "{ childList: true, characterData: true, subtree: true });");
		browser.findElement(By.id("chat-stream")).click();
		this.wait.until((driver) -> text("chat-status").startsWith("done"));

		int tokens = ANSWER.split(" ").length;
		assertThat(text("chat-output")).isEqualTo(ANSWER);
		assertThat(text("chat-status")).isEqualTo("done: " + tokens + " tokens");
		assertThat(((Number) browser.executeScript("return window.answerUpdates;")).intValue())
			.as("updates of the answer box while streaming")
			.isGreaterThanOrEqualTo(tokens);
		assertThat(this.mistral.lastChatRequest().stream()).isTrue();
		screenshot("sample-page.png");
	}

	@Test
	void aLongQuestionStreamsAndAFailureIsShown() throws IOException {
		this.mistral.chat().reply("A long question deserves a short answer.");
		open();
		String question = "Why? ".repeat(4_000);
		browser.executeScript("document.getElementById('chat-input').value = arguments[0];", question);
		browser.findElement(By.id("chat-stream")).click();
		this.wait.until((driver) -> text("chat-status").startsWith("done"));
		assertThat(text("chat-output")).isEqualTo("A long question deserves a short answer.");
		assertThat(this.mistral.requests("chat_completion_v1_chat_completions_post").get(0).bodyAsString())
			.contains(question.strip());

		this.mistral.failNext(401);
		browser.findElement(By.id("chat-stream")).click();
		this.wait.until((driver) -> text("chat-status").startsWith("failed"));
		assertThat(text("chat-status")).contains("401");

		browser.findElement(By.id("chat-input")).clear();
		browser.findElement(By.id("chat-stream")).click();
		this.wait.until((driver) -> text("chat-status").startsWith("failed"));
		assertThat(text("chat-status")).contains("non-empty \"message\"");
		screenshot("sample-page-chat-failure.png");
	}

	@Test
	void aLongUnbrokenAnswerWrapsInItsBox() throws IOException {
		this.mistral.chat().reply("x".repeat(3_000));
		open();
		browser.findElement(By.id("chat-whole")).click();
		this.wait.until((driver) -> text("chat-output").startsWith("xxx"));

		Number overflow = (Number) browser.executeScript(
				"const box = document.getElementById('chat-output'); return box.scrollWidth - box.clientWidth;");
		assertThat(overflow.intValue()).as("pixels the answer overflows its box").isLessThanOrEqualTo(0);
		screenshot("sample-page-long-answer.png");
	}

	@Test
	void toolCallingAndSearchWorkFromThePage() throws IOException {
		open();

		browser.findElement(By.id("pay-ask")).click();
		this.wait.until((driver) -> text("pay-output").startsWith("Transaction"));
		assertThat(text("pay-output")).startsWith("Transaction T1001 is paid.")
			.contains("Tool calls:")
			.contains("retrieve_payment_status");

		browser.findElement(By.id("pay-input")).clear();
		browser.findElement(By.id("pay-input")).sendKeys("Hello");
		browser.findElement(By.id("pay-ask")).click();
		this.wait.until((driver) -> text("pay-output").startsWith("Which transaction"));
		assertThat(text("pay-output")).as("no tool was called: no heading")
			.isEqualTo("Which transaction do you mean? Give me its id, for example T1001.");

		browser.findElement(By.id("search-go")).click();
		this.wait.until((driver) -> text("search-output").contains("Comté"));
		assertThat(text("search-output").lines().findFirst())
			.hasValueSatisfying((line) -> assertThat(line).contains("Comté"));
		screenshot("sample-page-tools-search.png");
	}

	@Test
	void fineTuningJobIsWatchedUntilItEnds() throws IOException {
		open();

		browser.findElement(By.id("ft-upload")).click();
		this.wait.until((driver) -> text("ft-output").contains("training.jsonl"));
		browser.findElement(By.id("ft-create")).click();
		this.wait.until((driver) -> text("ft-output").contains("job.metadata"));
		assertThat(text("ft-note")).contains("Estimate only")
			.contains("need not be a whole number")
			.contains("deprecated: true describes the format of this estimate");
		screenshot("sample-page-fine-tuning-estimate.png");
		browser.findElement(By.id("ft-real")).click();
		browser.findElement(By.id("ft-create")).click();
		this.wait.until((driver) -> text("ft-output").contains("QUEUED"));
		assertThat(text("ft-note")).isEmpty();
		browser.findElement(By.id("ft-follow")).click();
		this.wait.until((driver) -> text("ft-output").contains("ended"));

		assertThat(text("ft-output")).matches(
				"(?s)job \\S+ ended: VALIDATING → RUNNING → SUCCESS\nmodel: " + "ft:open-mistral-nemo:\\S+:sample");
		screenshot("sample-page-fine-tuning.png");
	}

	@Test
	void agentConversationShowsTheToolCallsAsTheyHappenAndKeepsItsHistory() throws IOException {
		open();
		this.wait.until((driver) -> text("agent-info").contains("\"payments\""));

		browser.findElement(By.id("agent-send")).click();
		this.wait
			.until((driver) -> text("agent-status").startsWith("done") || text("agent-status").startsWith("failed"));

		assertThat(text("agent-status")).isEqualTo("done: 1 round(s) of function calls");
		assertThat(rows("agent-output")).containsExactly("user|You: What is the status of transaction T1001?",
				"call|→ retrieve_payment_status {\"transaction_id\":\"T1001\"}",
				"result|← retrieve_payment_status: {\"transaction_id\":\"T1001\",\"status\":\"Paid\"}",
				"answer|Agent: Transaction T1001 is paid.");
		String conversation = text("agent-conversation");
		assertThat(conversation).matches("Conversation conv_\\w+: the next question is appended to it\\.");

		browser.findElement(By.id("agent-input")).clear();
		browser.findElement(By.id("agent-input")).sendKeys("When was T1003 paid?");
		browser.findElement(By.id("agent-send")).click();
		this.wait.until((driver) -> rows("agent-output").size() == 8 && text("agent-status").startsWith("done"));
		assertThat(rows("agent-output").subList(4, 8)).containsExactly("user|You: When was T1003 paid?",
				"call|→ retrieve_payment_date {\"transaction_id\":\"T1003\"}",
				"result|← retrieve_payment_date: {\"transaction_id\":\"T1003\",\"date\":\"2021-10-07\"}",
				"answer|Agent: The payment date of transaction T1003 is 2021-10-07.");
		assertThat(text("agent-conversation")).as("the same conversation").isEqualTo(conversation);

		browser.findElement(By.id("agent-history")).click();
		this.wait.until((driver) -> text("agent-history-output").lines().count() == 8);
		assertThat(text("agent-history-output").lines()).first()
			.isEqualTo("message.input (user): What is the status of transaction T1001?");
		assertThat(text("agent-history-output"))
			.contains("function.call retrieve_payment_date: " + "{\"transaction_id\":\"T1003\"}");
		scrollTo("agent-output");
		screenshot("sample-page-agent.png");

		browser.findElement(By.id("agent-new")).click();
		assertThat(rows("agent-output")).isEmpty();
		assertThat(text("agent-conversation")).isEqualTo("New conversation: the next question starts it.");
		browser.findElement(By.id("agent-send")).click();
		this.wait.until((driver) -> text("agent-status").startsWith("done"));
		assertThat(text("agent-conversation")).isNotEqualTo(conversation).startsWith("Conversation conv_");
	}

	@Test
	void documentLibraryIsUploadedProcessedAndAnswersAQuestion() throws IOException {
		open();

		browser.findElement(By.id("lib-upload")).click();
		this.wait
			.until((driver) -> text("lib-progress").startsWith("done") || text("lib-progress").startsWith("failed"));

		assertThat(text("lib-progress")).startsWith("done: 10 of 10 documents processed; agent ");
		assertThat(text("lib-output").lines()).hasSize(10)
			.contains("comte.md: uploaded → in_progress → done", "mistral-wind.md: uploaded → in_progress → done")
			.allSatisfy((line) -> assertThat(line).endsWith(": uploaded → in_progress → done"));

		browser.findElement(By.id("lib-ask")).click();
		this.wait.until((driver) -> text("lib-status").equals("done") || text("lib-status").startsWith("failed"));
		assertThat(text("lib-status")).isEqualTo("done");
		assertThat(text("lib-answer")).startsWith("According to the document \"Roquefort\" of the library:")
			.contains(SampleMockScript.LIBRARY_NOTE);
		assertThat(browser.findElement(By.id("lib-mock-note")).isDisplayed()).as("the page says the answer is scripted")
			.isTrue();
		scrollTo("lib-output");
		screenshot("sample-page-library.png");
	}

	@Test
	void audioIsTranscribedAndAnAnswerIsReadAloud() throws IOException {
		open();

		browser.executeScript("window.transcriptUpdates = 0; new MutationObserver((records) => "
				+ "window.transcriptUpdates += records.length).observe(document.getElementById('audio-transcript'), "
				+ "{ childList: true, characterData: true, subtree: true });");
		browser.findElement(By.id("audio-transcribe")).click();
		this.wait
			.until((driver) -> text("audio-status").startsWith("done") || text("audio-status").startsWith("failed"));
		assertThat(text("audio-status")).isEqualTo("done (voxtral-mini-latest)");
		assertThat(text("audio-transcript")).isEqualTo(SampleMockScript.TRANSCRIPTION);
		assertThat(((Number) browser.executeScript("return window.transcriptUpdates;")).intValue())
			.as("updates of the transcript while streaming")
			.isGreaterThan(SampleMockScript.TRANSCRIPTION.split(" ").length);

		// the generated chime plays in the browser: its length is read from the WAV
		this.wait.until((driver) -> number("return document.getElementById('audio-chime').readyState;") >= 1);
		assertThat(number("return document.getElementById('audio-chime').duration;")).isCloseTo(1.2, within(0.01));

		String text = "Transaction T1001 was paid on the fifth of October 2021.";
		browser.findElement(By.id("speech-play")).click();
		this.wait.until(
				(driver) -> text("speech-status").startsWith("playing") || text("speech-status").startsWith("failed"));
		assertThat(number("return document.getElementById('speech-audio').readyState;")).isGreaterThanOrEqualTo(1);
		// MockMistral speaks 0.3 s per word
		assertThat(number("return document.getElementById('speech-audio').duration;"))
			.isCloseTo(0.3 * text.split(" ").length, within(0.01));
		assertThat((String) browser.executeScript("return document.getElementById('speech-audio').currentSrc;"))
			.contains("/api/audio/speech?text=Transaction%20T1001");
		assertThat(text("speech-status")).isEqualTo("playing 3.0 s of speech");
		assertThat(this.mistral.requests()
			.stream()
			.filter((request) -> request.path().equals("/v1/audio/speech"))
			.map((request) -> request.json().path("input").asString())).contains(text);
		scrollTo("audio-transcribe");
		screenshot("sample-page-audio.png");
	}

	private void open() {
		browser.get("http://localhost:" + this.port + "/");
		this.wait.until((driver) -> !text("mode").equals("…"));
	}

	private static void scrollTo(String id) {
		browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' });", id);
	}

	/** Keeps a screenshot of the page as test output, in {@code target/}. */
	private static void screenshot(String name) throws IOException {
		File screenshot = browser.getScreenshotAs(OutputType.FILE);
		Files.createDirectories(Path.of("target"));
		Files.copy(screenshot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
	}

	private String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	/** The rows of a transcript, each as {@code class|text}. */
	@SuppressWarnings("unchecked")
	private static List<String> rows(String id) {
		return (List<String>) browser.executeScript("return [...document.getElementById(arguments[0]).children]"
				+ ".map((row) => row.className.replace('row ', '') + '|' + row.textContent);", id);
	}

	private static double number(String script) {
		Object value = browser.executeScript(script);
		return (value instanceof Number number) ? number.doubleValue() : Double.NaN;
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
