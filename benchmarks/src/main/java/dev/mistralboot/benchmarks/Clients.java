package dev.mistralboot.benchmarks;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralStream;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.embeddings.EmbeddingRequest;
import dev.mistralboot.client.embeddings.EmbeddingsDefaults;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.mistralai.MistralAiChatModel;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.mistralai.MistralAiEmbeddingModel;
import org.springframework.ai.mistralai.api.MistralAiApi;

/**
 * Every client the benchmarks compare, set up as their users get them (builders with
 * defaults, the base URL and key set), each call returning what it read so that the
 * benchmark can check it.
 */
public final class Clients {

	/** The question every chat call asks. */
	public static final String QUESTION = "Which clients cost what?";

	private static final String API_KEY = "benchmark-key";

	private static final String CHAT_MODEL = "mistral-small-latest";

	private static final String EMBED_MODEL = "mistral-embed";

	/** The texts every embeddings call sends. */
	public static final List<String> INPUTS = inputs();

	private final RawClient raw;

	private final MistralChatClient ourChat;

	private final ReactiveMistralChatClient ourReactiveChat;

	private final MistralEmbeddingsClient ourEmbeddings;

	private final ChatCompletionRequest ourRequest = ChatCompletionRequest.builder()
		.messages(List.of(ChatMessage.user(QUESTION)))
		.build();

	private final EmbeddingRequest ourEmbeddingRequest = EmbeddingRequest.builder().input(INPUTS).build();

	private final MistralAiChatModel springAiChat;

	private final MistralAiEmbeddingModel springAiEmbeddings;

	private final dev.langchain4j.model.mistralai.MistralAiChatModel langchain4jChat;

	private final dev.langchain4j.model.mistralai.MistralAiStreamingChatModel langchain4jStreamingChat;

	private final dev.langchain4j.model.mistralai.MistralAiEmbeddingModel langchain4jEmbeddings;

	private final List<TextSegment> segments = INPUTS.stream().map(TextSegment::from).toList();

	/**
	 * Creates every client against one server.
	 * @param baseUrl the server, such as {@code http://127.0.0.1:8080}
	 */
	public Clients(String baseUrl) {
		this.raw = new RawClient(baseUrl, API_KEY);
		MistralHttp http = MistralHttp.builder().baseUrl(baseUrl).apiKey(API_KEY).build();
		this.ourChat = new MistralChatClient(http, ChatDefaults.ofModel(CHAT_MODEL));
		this.ourEmbeddings = new MistralEmbeddingsClient(http, EmbeddingsDefaults.ofModel(EMBED_MODEL));
		ReactiveMistralHttp reactive = ReactiveMistralHttp.builder().baseUrl(baseUrl).apiKey(API_KEY).build();
		this.ourReactiveChat = new ReactiveMistralChatClient(reactive, ChatDefaults.ofModel(CHAT_MODEL));
		MistralAiApi api = MistralAiApi.builder().baseUrl(baseUrl).apiKey(API_KEY).build();
		this.springAiChat = MistralAiChatModel.builder()
			.mistralAiApi(api)
			.defaultOptions(MistralAiChatOptions.builder().model(CHAT_MODEL).build())
			.build();
		this.springAiEmbeddings = MistralAiEmbeddingModel.builder().mistralAiApi(api).build();
		this.langchain4jChat = dev.langchain4j.model.mistralai.MistralAiChatModel.builder()
			.httpClientBuilder(http11())
			.baseUrl(baseUrl + "/v1")
			.apiKey(API_KEY)
			.modelName(CHAT_MODEL)
			.build();
		this.langchain4jStreamingChat = dev.langchain4j.model.mistralai.MistralAiStreamingChatModel.builder()
			.httpClientBuilder(http11())
			.baseUrl(baseUrl + "/v1")
			.apiKey(API_KEY)
			.modelName(CHAT_MODEL)
			.build();
		this.langchain4jEmbeddings = dev.langchain4j.model.mistralai.MistralAiEmbeddingModel.builder()
			.httpClientBuilder(http11())
			.baseUrl(baseUrl + "/v1")
			.apiKey(API_KEY)
			.modelName(EMBED_MODEL)
			.build();
	}

	/**
	 * LangChain4j's JDK client on HTTP/1.1: by default it asks a plain-http server for an
	 * upgrade to HTTP/2 (h2c), which the stub does not do (the real API is HTTPS, where
	 * HTTP/2 comes through TLS instead; every client here speaks HTTP/1.1 to the stub).
	 */
	private static JdkHttpClientBuilder http11() {
		return new JdkHttpClientBuilder()
			.httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
	}

	private static List<String> inputs() {
		List<String> inputs = new ArrayList<>();
		for (int i = 0; i < StubMistralServer.EMBEDDINGS; i++) {
			inputs.add("Text number " + i + " to embed.");
		}
		return List.copyOf(inputs);
	}

	// raw

	String rawComplete() {
		return this.raw.complete(QUESTION);
	}

	int rawStream() {
		return this.raw.stream(QUESTION);
	}

	List<float[]> rawEmbed() {
		return this.raw.embed(INPUTS);
	}

	// ours

	String ourComplete() {
		return this.ourChat.complete(this.ourRequest).text();
	}

	String ourReactiveComplete() {
		return this.ourReactiveChat.complete(this.ourRequest).block().text();
	}

	int ourStream() {
		int chunks = 0;
		try (MistralStream<ChatCompletionChunk> stream = this.ourChat.stream(this.ourRequest)) {
			for (ChatCompletionChunk chunk : stream) {
				if (!chunk.text().isEmpty()) {
					chunks++;
				}
			}
		}
		return chunks;
	}

	int ourReactiveStream() {
		Long chunks = this.ourReactiveChat.stream(this.ourRequest)
			.filter((chunk) -> !chunk.text().isEmpty())
			.count()
			.block();
		return (chunks != null) ? chunks.intValue() : -1;
	}

	List<float[]> ourEmbed() {
		return this.ourEmbeddings.embed(this.ourEmbeddingRequest)
			.embeddings()
			.stream()
			.map(dev.mistralboot.client.embeddings.Embedding::floats)
			.toList();
	}

	// Spring AI

	String springAiComplete() {
		return this.springAiChat.call(new Prompt(QUESTION)).getResult().getOutput().getText();
	}

	int springAiStream() {
		Long chunks = this.springAiChat.stream(new Prompt(QUESTION)).filter((response) -> {
			if (response.getResult() == null) {
				return false;
			}
			String text = response.getResult().getOutput().getText();
			return text != null && !text.isEmpty();
		}).count().block();
		return (chunks != null) ? chunks.intValue() : -1;
	}

	List<float[]> springAiEmbed() {
		return this.springAiEmbeddings.call(new org.springframework.ai.embedding.EmbeddingRequest(INPUTS, null))
			.getResults()
			.stream()
			.map(Embedding::getOutput)
			.toList();
	}

	// LangChain4j

	String langchain4jComplete() {
		return this.langchain4jChat.chat(QUESTION);
	}

	int langchain4jStream() {
		AtomicInteger chunks = new AtomicInteger();
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		this.langchain4jStreamingChat.chat(QUESTION, new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(String partialResponse) {
				if (partialResponse != null && !partialResponse.isEmpty()) {
					chunks.incrementAndGet();
				}
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				done.complete(completeResponse);
			}

			@Override
			public void onError(Throwable error) {
				done.completeExceptionally(error);
			}

		});
		done.join();
		return chunks.get();
	}

	List<float[]> langchain4jEmbed() {
		return this.langchain4jEmbeddings.embedAll(this.segments)
			.content()
			.stream()
			.map(dev.langchain4j.data.embedding.Embedding::vector)
			.toList();
	}

}
