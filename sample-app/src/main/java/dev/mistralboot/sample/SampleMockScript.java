package dev.mistralboot.sample;

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
import dev.mistralboot.sample.payments.PaymentTools;
import dev.mistralboot.test.MockChatReply;
import dev.mistralboot.test.MockMistral;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the mock server answers in mock mode: streamed text at a readable pace, the
 * payment tool calls (when the request offers {@code retrieve_payment_status}, a status
 * or date question about transaction ids gets one matching function call per id, then a
 * sentence built from the tool results the application sends back), and MockMistral's own
 * embeddings, files and fine-tuning job lifecycle. Tests apply the same script.
 */
public final class SampleMockScript {

	private static final Pattern TRANSACTION = Pattern.compile("\\bT\\d{4}\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * Where a question about several transactions changes subject: "status of T1001 and
	 * when was T1003 paid?".
	 */
	private static final Pattern CLAUSE = Pattern.compile("\\band\\b|[,;?.!]", Pattern.CASE_INSENSITIVE);

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
			JsonNode result = JSON.readTree(tool.content().text());
			String id = result.path("transaction_id").asString("");
			if (result.has("status")) {
				sentences.add(0,
						"Transaction " + id + " is " + result.path("status").asString().toLowerCase(Locale.ROOT) + ".");
			}
			else if (result.has("date")) {
				sentences.add(0,
						"The payment date of transaction " + id + " is " + result.path("date").asString() + ".");
			}
			else if (!id.isEmpty()) {
				sentences.add(0, "I could not find transaction " + id + ": please check its id.");
			}
			else {
				sentences.add(0, "I could not look that up: " + result.path("error").asString("no result") + ".");
			}
		}
		return MockChatReply.text(String.join(" ", sentences));
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
