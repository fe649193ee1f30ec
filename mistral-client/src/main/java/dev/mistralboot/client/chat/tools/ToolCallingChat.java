package dev.mistralboot.client.chat.tools;

import java.util.Objects;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.MistralChatClient;

/**
 * A chat with tools: sends the registry's tools with the request, runs the tool calls the
 * model asks for (several in one answer too, in order), sends the results back as
 * {@code tool} messages, and repeats until the model answers without calls. Get one from
 * {@link MistralChatClient#withTools(ToolRegistry)}:
 *
 * <pre>{@code
 * ToolConversation conversation = chat.withTools(tools).complete(ChatCompletionRequest.builder()
 *     .user("What's the status of my transaction T1001?")
 *     .build());
 * System.out.println(conversation.text());
 * }</pre>
 *
 * The request's other settings pass through, {@code tool_choice} and
 * {@code parallel_tool_calls} included; its own tools are kept (a function tool of the
 * request wins over a registry tool of the same name). A {@code tool_choice} that forces
 * a call ({@code any}, {@code required} or a named function) applies to the first answer
 * only; later answers use {@code auto}, or the model could never stop calling. Only the
 * first choice of an answer is followed ({@code n} is for plain chats).
 * <p>
 * Immutable and thread-safe: {@link #maxRounds(int)} and
 * {@link #failurePolicy(ToolFailurePolicy)} return new instances.
 */
public final class ToolCallingChat {

	private final MistralChatClient chat;

	private final ToolRegistry registry;

	private final int maxRounds;

	private final ToolFailurePolicy failurePolicy;

	/**
	 * Creates a chat with the registry's settings.
	 * @param chat the chat client
	 * @param registry the tools
	 */
	public ToolCallingChat(MistralChatClient chat, ToolRegistry registry) {
		this(chat, registry, registry.maxRounds(), registry.failurePolicy());
	}

	private ToolCallingChat(MistralChatClient chat, ToolRegistry registry, int maxRounds,
			ToolFailurePolicy failurePolicy) {
		this.chat = Objects.requireNonNull(chat, "chat");
		this.registry = Objects.requireNonNull(registry, "registry");
		this.maxRounds = ToolRegistry.checkMaxRounds(maxRounds);
		this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
	}

	/**
	 * The same chat with another limit of tool rounds.
	 * @param maxRounds the most tool rounds, at least 1
	 * @return a new chat
	 */
	public ToolCallingChat maxRounds(int maxRounds) {
		return new ToolCallingChat(this.chat, this.registry, maxRounds, this.failurePolicy);
	}

	/**
	 * The same chat with another failure policy.
	 * @param failurePolicy what to do when a tool call fails
	 * @return a new chat
	 */
	public ToolCallingChat failurePolicy(ToolFailurePolicy failurePolicy) {
		return new ToolCallingChat(this.chat, this.registry, this.maxRounds, failurePolicy);
	}

	/**
	 * The tools offered.
	 * @return the registry
	 */
	public ToolRegistry registry() {
		return this.registry;
	}

	/**
	 * Runs the conversation to the model's final answer.
	 * @param request the request (its messages start the conversation)
	 * @return the final answer and the whole conversation
	 * @throws MistralToolRoundsExceededException when the model still asks for calls
	 * after {@code maxRounds} tool rounds
	 * @throws MistralToolException when a call fails under
	 * {@link ToolFailurePolicy#THROW}
	 * @throws dev.mistralboot.client.core.MistralException when a call to the API fails
	 */
	public ToolConversation complete(ChatCompletionRequest request) {
		ToolRounds rounds = new ToolRounds(this.registry, this.maxRounds, this.failurePolicy, request);
		while (true) {
			ChatCompletionResponse response = this.chat.complete(rounds.nextRequest());
			if (rounds.answered(response)) {
				return rounds.result();
			}
		}
	}

	/**
	 * Streams the conversation: the text of every answer as it is generated, with the
	 * tool rounds run in between. Use it in try-with-resources and read it to its end;
	 * then {@link ToolCallingStream#result()} holds the conversation.
	 * @param request the request (its messages start the conversation)
	 * @return the open stream of text pieces
	 */
	public ToolCallingStream stream(ChatCompletionRequest request) {
		return new ToolCallingStream(this.chat,
				new ToolRounds(this.registry, this.maxRounds, this.failurePolicy, request));
	}

}
