package dev.mistralboot.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.chat.UserMessage;
import dev.mistralboot.client.conversations.ConversationEntry;
import dev.mistralboot.client.conversations.FunctionResultEntry;
import dev.mistralboot.client.conversations.MessageInputEntry;
import dev.mistralboot.client.conversations.MessageRole;
import dev.mistralboot.sample.payments.PaymentTools;
import dev.mistralboot.test.MockChatReply;
import dev.mistralboot.test.MockConversationReply;
import dev.mistralboot.test.MockMistral;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * What the mock server answers in mock mode: streamed text at a readable pace, the
 * payment tool calls (when the request offers {@code retrieve_payment_status}, a status
 * or date question about transaction ids gets one matching function call per id, then a
 * sentence built from the tool results the application sends back), the same calls in the
 * agent conversations, answers from the sample's documents for the library section, a
 * transcription of the chime, and MockMistral's own embeddings, files, document
 * processing and fine-tuning job lifecycle. Tests apply the same script.
 */
public final class SampleMockScript {

	private static final Pattern TRANSACTION = Pattern.compile("\\bT\\d{4}\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * Where a question about several transactions changes subject: "status of T1001 and
	 * when was T1003 paid?".
	 */
	private static final Pattern CLAUSE = Pattern.compile("\\band\\b|[,;?.!]", Pattern.CASE_INSENSITIVE);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What MockMistral answers to every transcription of the sample. */
	public static final String TRANSCRIPTION = "A two-note chime, made by the sample application in code. "
			+ "(Scripted by MockMistral in mock mode: it does not listen to the audio.)";

	/** How a mock answer from the library says it is scripted. */
	public static final String LIBRARY_NOTE = "scripted by MockMistral in mock mode: the mock does not run the "
			+ "document library search, the sample's script picks the document";

	private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Set<String> COMMON_WORDS = Set.of("what", "which", "when", "where", "does", "from", "made",
			"with", "that", "this", "about", "there", "have", "tell", "document", "documents", "library", "know");

	private static final JsonNode DOCUMENTS = readDocuments();

	private SampleMockScript() {
	}

	/**
	 * Scripts a mock server.
	 * @param mock the server
	 */
	public static void script(MockMistral mock) {
		mock.streamDelay(Duration.ofMillis(60));
		mock.fineTuning().statuses("QUEUED", "VALIDATING", "RUNNING", "SUCCESS");
		mock.chat().respondWith(SampleMockScript::answer);
		mock.conversations().respondWith(SampleMockScript::converse);
		mock.libraries().processingStatuses("in_progress", "done");
		mock.audio().transcriptionText(TRANSCRIPTION);
	}

	/**
	 * The turns of the agent conversations (the mock knows neither the agent nor the
	 * library search tool, so the script answers by the turn's inputs): a function result
	 * gets a sentence built from it; a question naming a transaction id gets a call of
	 * the matching payment function (one per turn: the first id); a question about the
	 * sample's documents gets the best-matching document, said to be scripted; anything
	 * else is asked for a transaction id.
	 */
	static MockConversationReply converse(List<ConversationEntry> inputs) {
		List<String> sentences = new ArrayList<>();
		for (ConversationEntry input : inputs) {
			if (input instanceof FunctionResultEntry result) {
				sentences.add(sentence(JSON.readTree(result.result())));
			}
		}
		if (!sentences.isEmpty()) {
			return MockConversationReply.text(String.join(" ", sentences));
		}
		String question = "";
		for (ConversationEntry input : inputs) {
			if (input instanceof MessageInputEntry message && message.role() == MessageRole.USER) {
				question = message.text();
			}
		}
		Matcher id = TRANSACTION.matcher(question);
		if (id.find()) {
			String function = asksForDate(question) ? PaymentTools.DATE : PaymentTools.STATUS;
			return MockConversationReply.functionCall(function,
					"{\"transaction_id\":\"" + id.group().toUpperCase(Locale.ROOT) + "\"}");
		}
		JsonNode document = bestDocument(question);
		if (document != null) {
			return MockConversationReply.text("According to the document \"" + document.path("title").asString()
					+ "\" of the library: " + document.path("text").asString() + " (" + LIBRARY_NOTE + ")");
		}
		return MockConversationReply.text("Which transaction do you mean? Give me its id, for example T1001.");
	}

	/**
	 * The sample document sharing the most words (of four letters or more, common words
	 * aside) with the question, or {@code null} when none shares any.
	 */
	static @Nullable JsonNode bestDocument(String question) {
		Set<String> asked = words(question);
		JsonNode best = null;
		long bestScore = 0;
		for (JsonNode document : DOCUMENTS) {
			Set<String> known = words(document.path("title").asString() + " " + document.path("text").asString());
			long score = asked.stream().filter(known::contains).count();
			if (score > bestScore) {
				best = document;
				bestScore = score;
			}
		}
		return best;
	}

	private static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : WORD_SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
			if (word.length() >= 4 && !COMMON_WORDS.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

	private static JsonNode readDocuments() {
		try (InputStream in = new ClassPathResource("data/documents.json").getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MockChatReply answer(ChatCompletionRequest request) {
		List<ChatMessage> messages = request.messages();
		ChatMessage last = messages.get(messages.size() - 1);
		if (offersPaymentTools(request)) {
			return (last instanceof ToolMessage) ? summarize(messages) : callTools(lastUserText(messages));
		}
		String question = lastUserText(messages);
		return MockChatReply.text("This answer comes from MockMistral, the mock server of mistral-spring-boot-"
				+ "starter-test: the sample runs in mock mode because no MISTRAL_API_KEY is set. It is streamed word "
				+ "by word, the way a real model streams tokens. You asked: \"" + question + "\". Set "
				+ "MISTRAL_API_KEY and restart to get a real answer.");
	}

	private static boolean offersPaymentTools(ChatCompletionRequest request) {
		return request.tools() != null && request.tools()
			.stream()
			.anyMatch((tool) -> tool instanceof FunctionTool function
					&& function.function().name().equals(PaymentTools.STATUS));
	}

	/**
	 * One call per transaction id in the question: the date function when the id's clause
	 * (or else the question) asks "when" or for a "date", the status function otherwise.
	 */
	private static MockChatReply callTools(String question) {
		boolean datesByDefault = asksForDate(question);
		MockChatReply reply = null;
		Set<String> seen = new LinkedHashSet<>();
		for (String clause : CLAUSE.split(question)) {
			Matcher matcher = TRANSACTION.matcher(clause);
			while (matcher.find()) {
				String id = matcher.group().toUpperCase(Locale.ROOT);
				boolean date = asksForDate(clause)
						|| (!clause.toLowerCase(Locale.ROOT).contains("status") && datesByDefault);
				String function = date ? PaymentTools.DATE : PaymentTools.STATUS;
				if (!seen.add(function + id)) {
					continue;
				}
				String arguments = "{\"transaction_id\":\"" + id + "\"}";
				reply = (reply != null) ? reply.andToolCall(function, arguments)
						: MockChatReply.toolCall(function, arguments);
			}
		}
		return (reply != null) ? reply
				: MockChatReply.text("Which transaction do you mean? Give me its id, for example T1001.");
	}

	private static boolean asksForDate(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.contains("date") || lower.contains("when");
	}

	/**
	 * Builds the final answer from the tool results that follow the last assistant
	 * message.
	 */
	private static MockChatReply summarize(List<ChatMessage> messages) {
		List<String> sentences = new ArrayList<>();
		for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ToolMessage tool; i--) {
			sentences.add(0, sentence(JSON.readTree(tool.content().text())));
		}
		return MockChatReply.text(String.join(" ", sentences));
	}

	/** A sentence saying what a payment tool answered. */
	private static String sentence(JsonNode result) {
		String id = result.path("transaction_id").asString("");
		if (result.has("status")) {
			return "Transaction " + id + " is " + result.path("status").asString().toLowerCase(Locale.ROOT) + ".";
		}
		if (result.has("date")) {
			return "The payment date of transaction " + id + " is " + result.path("date").asString() + ".";
		}
		if (!id.isEmpty()) {
			return "I could not find transaction " + id + ": please check its id.";
		}
		return "I could not look that up: " + result.path("error").asString("no result") + ".";
	}

	private static String lastUserText(List<ChatMessage> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i) instanceof UserMessage user && user.content() != null) {
				return user.content().text();
			}
		}
		return "";
	}

}
