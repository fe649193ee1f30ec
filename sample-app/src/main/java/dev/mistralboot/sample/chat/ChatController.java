package dev.mistralboot.sample.chat;

import java.util.Map;

import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.sample.Question;
import dev.mistralboot.sample.ServerSentEvents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Chat: a whole answer as JSON, and the same answer streamed to the page as server-sent
 * events, token by token.
 */
@RestController
class ChatController {

	private static final Log logger = LogFactory.getLog(ChatController.class);

	private static final String SYSTEM = "You are the assistant of a Spring Boot sample application. Answer briefly.";

	private final MistralChatClient chat;

	private final AsyncTaskExecutor executor;

	ChatController(MistralChatClient chat, AsyncTaskExecutor executor) {
		this.chat = chat;
		this.executor = executor;
	}

	@PostMapping("/api/chat")
	Map<String, Object> chat(@RequestBody Question question) {
		ChatCompletionResponse response = this.chat
			.complete(ChatCompletionRequest.builder().system(SYSTEM).user(question.text()).build());
		return Map.of("answer", response.text(), "model", String.valueOf(response.model()), "usage", response.usage());
	}

	/**
	 * Streams the answer: one {@code token} event per piece ({@code {"text": "..."}}),
	 * then a {@code done} event, or a {@code failure} event with the error message. The
	 * question travels in the body of a POST ({@code {"message": "..."}}), so a long one
	 * fits; a missing or blank one is answered with 400 before anything is streamed.
	 */
	@PostMapping(path = "/api/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestBody Question question) {
		String message = question.text();
		ChatCompletionRequest request = ChatCompletionRequest.builder().system(SYSTEM).user(message).build();
		return ServerSentEvents.stream(this.executor, logger, "The chat stream", (emitter) -> {
			try (MistralStream<ChatCompletionChunk> chunks = this.chat.stream(request)) {
				for (ChatCompletionChunk chunk : chunks) {
					if (!chunk.text().isEmpty()) {
						ServerSentEvents.send(emitter, "token", Map.of("text", chunk.text()));
					}
				}
				ServerSentEvents.send(emitter, "done", Map.of("chunks", chunks.delivered()));
			}
		});
	}

}
