package dev.mistralboot.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document libraries {@link MockMistral} simulates ({@code /v1/libraries}):
 * libraries, their documents and accesses are kept in memory; a document's processing
 * walks through scripted statuses, one step each time its status is read; its text
 * content is the uploaded text (or a short placeholder for binary formats). Called by
 * {@link MockMistralHandler} under its lock.
 */
final class MockLibraries {

	/** The statuses a new document walks through by default. */
	static final List<String> DEFAULT_STATUSES = List.of("todo", "in_progress", "done");

	/** The processing statuses of the API. */
	static final List<String> STATUSES = List.of("self_managed", "missing_content", "noop", "done", "todo",
			"in_progress", "error", "waiting_for_capacity");

	private static final String ORG_ID = "00000000-0000-4000-8000-000000000001";

	private static final String USER_ID = "00000000-0000-4000-8000-000000000002";

	private static final Pattern LIBRARY = Pattern.compile("/v1/libraries/([^/]+)");

	private static final Pattern SHARE = Pattern.compile("/v1/libraries/([^/]+)/share");

	private static final Pattern DOCUMENTS = Pattern.compile("/v1/libraries/([^/]+)/documents");

	private static final Pattern DOCUMENT = Pattern
		.compile("/v1/libraries/([^/]+)/documents/([^/]+)(/text_content|/status|/signed-url|/extracted-text-signed-url"
				+ "|/reprocess)?");

	private final Map<String, Library> libraries = new LinkedHashMap<>();

	private List<String> statuses = DEFAULT_STATUSES;

	void statuses(List<String> statuses) {
		this.statuses = List.copyOf(statuses);
	}

	void reset() {
		this.libraries.clear();
		this.statuses = DEFAULT_STATUSES;
	}

	/**
	 * Serves a request of the libraries endpoints.
	 * @return the answer, or {@code null} when the request is not one of them
	 */
	@Nullable ResponseDefinition serve(String method, String path, LoggedRequest request) {
		if (!path.startsWith("/v1/libraries")) {
			return null;
		}
		if (path.equals("/v1/libraries")) {
			if (method.equals("GET")) {
				ObjectNode list = MockResponses.JSON.createObjectNode();
				ArrayNode data = list.putArray("data");
				String search = query(request, "search");
				this.libraries.values()
					.stream()
					.filter((library) -> matches(library.name, search))
					.forEach((library) -> data.add(library.json()));
				list.putNull("next_page_token");
				return json(200, list);
			}
			if (method.equals("POST")) {
				JsonNode body = body(request);
				Library library = new Library(UUID.randomUUID().toString(), body.path("name").asString("library"),
						text(body, "description"), body.path("owner_type").asString("Workspace"));
				this.libraries.put(library.id, library);
				return json(201, library.json());
			}
			return null;
		}
		Matcher document = DOCUMENT.matcher(path);
		if (document.matches()) {
			Library library = this.libraries.get(document.group(1));
			if (library == null) {
				return MockMistralHandler.notFound("Library", document.group(1));
			}
			Document stored = library.documents.get(document.group(2));
			if (stored == null) {
				return MockMistralHandler.notFound("Document", document.group(2));
			}
			return document(method, library, stored, document.group(3), request);
		}
		Matcher documents = DOCUMENTS.matcher(path);
		if (documents.matches()) {
			Library library = this.libraries.get(documents.group(1));
			if (library == null) {
				return MockMistralHandler.notFound("Library", documents.group(1));
			}
			if (method.equals("POST")) {
				return upload(library, request);
			}
			if (method.equals("GET")) {
				return listDocuments(library, request);
			}
			return null;
		}
		Matcher share = SHARE.matcher(path);
		if (share.matches()) {
			Library library = this.libraries.get(share.group(1));
			if (library == null) {
				return MockMistralHandler.notFound("Library", share.group(1));
			}
			return share(method, library, request);
		}
		Matcher matcher = LIBRARY.matcher(path);
		if (matcher.matches()) {
			Library library = this.libraries.get(matcher.group(1));
			if (library == null) {
				return MockMistralHandler.notFound("Library", matcher.group(1));
			}
			switch (method) {
				case "GET":
					return json(200, library.json());
				case "PATCH":
				case "PUT":
					JsonNode body = body(request);
					if (body.has("name")) {
						library.name = body.path("name").asString();
					}
					if (body.has("description")) {
						library.description = text(body, "description");
					}
					library.updatedAt = Instant.now().toString();
					return json(200, library.json());
				case "DELETE":
					this.libraries.remove(library.id);
					return empty();
				default:
					return null;
			}
		}
		return null;
	}

	private ResponseDefinition upload(Library library, LoggedRequest request) {
		Request.Part file = part(request, "file");
		if (file == null) {
			ObjectNode error = MockResponses.validationError("missing", "Field required", "file");
			return json(422, error);
		}
		String name = (file.getFileName() != null) ? file.getFileName() : "document";
		String mimeType = (file.getHeaders().getContentTypeHeader().isPresent())
				? file.getHeaders().getContentTypeHeader().mimeTypePart() : "application/octet-stream";
		Document document = new Document(UUID.randomUUID().toString(), library.id, name, mimeType,
				file.getBody().asBytes(), this.statuses);
		library.documents.put(document.id, document);
		library.updatedAt = Instant.now().toString();
		return json(201, document.json());
	}

	private ResponseDefinition listDocuments(Library library, LoggedRequest request) {
		String search = query(request, "search");
		List<Document> matching = library.documents.values()
			.stream()
			.filter((document) -> matches(document.name, search))
			.toList();
		int pageSize = intQuery(request, "page_size", 100);
		int page = intQuery(request, "page", 0);
		int from = Math.min(matching.size(), page * pageSize);
		int to = Math.min(matching.size(), from + pageSize);
		ObjectNode list = MockResponses.JSON.createObjectNode();
		ObjectNode pagination = list.putObject("pagination");
		pagination.put("total_items", matching.size());
		pagination.put("total_pages", (matching.size() + pageSize - 1) / pageSize);
		pagination.put("current_page", page);
		pagination.put("page_size", pageSize);
		pagination.put("has_more", to < matching.size());
		ArrayNode data = list.putArray("data");
		matching.subList(from, to).forEach((document) -> data.add(document.json()));
		return json(200, list);
	}

	private @Nullable ResponseDefinition document(String method, Library library, Document document,
			@Nullable String action, LoggedRequest request) {
		if (action == null) {
			switch (method) {
				case "GET":
					return json(200, document.json());
				case "PATCH":
				case "PUT":
					JsonNode body = body(request);
					if (body.has("name")) {
						document.name = body.path("name").asString();
					}
					if (body.has("attributes")) {
						document.attributes = body.path("attributes");
					}
					if (body.has("expires_at")) {
						document.expiresAt = text(body, "expires_at");
					}
					return json(200, document.json());
				case "DELETE":
					library.documents.remove(document.id);
					return empty();
				default:
					return null;
			}
		}
		String host = request.getHeader("Host");
		String base = "http://" + ((host != null) ? host : "127.0.0.1") + "/mock-signed/" + document.id;
		return switch (action) {
			case "/text_content" -> {
				ObjectNode text = MockResponses.JSON.createObjectNode();
				text.put("text", document.text());
				yield json(200, text);
			}
			case "/status" -> {
				String read = document.read();
				ObjectNode status = MockResponses.JSON.createObjectNode();
				status.put("document_id", document.id);
				status.put("process_status", read);
				status.put("processing_status", read);
				yield json(200, status);
			}
			case "/signed-url" -> json(200, MockResponses.JSON.getNodeFactory().stringNode(base + "?signature=mock"));
			case "/extracted-text-signed-url" ->
				json(200, MockResponses.JSON.getNodeFactory().stringNode(base + ".txt?signature=mock"));
			case "/reprocess" -> {
				document.restart(this.statuses);
				yield empty();
			}
			default -> null;
		};
	}

	private ResponseDefinition share(String method, Library library, LoggedRequest request) {
		if (method.equals("GET")) {
			ObjectNode list = MockResponses.JSON.createObjectNode();
			ArrayNode data = list.putArray("data");
			data.add(access(library.id, USER_ID, "User", "Owner"));
			library.accesses.forEach((id, access) -> data.add(access));
			return json(200, list);
		}
		JsonNode body = body(request);
		String uuid = body.path("share_with_uuid").asString("");
		if (method.equals("PUT")) {
			ObjectNode access = access(library.id, uuid, body.path("share_with_type").asString("User"),
					body.path("level").asString("Viewer"));
			library.accesses.put(uuid, access);
			return json(200, access);
		}
		if (method.equals("DELETE")) {
			library.accesses.remove(uuid);
			return empty();
		}
		return MockMistralHandler.json(405, MockResponses.error(405));
	}

	private static ObjectNode access(String libraryId, String uuid, String type, String role) {
		ObjectNode access = MockResponses.JSON.createObjectNode();
		access.put("library_id", libraryId);
		access.putNull("user_id");
		access.put("org_id", ORG_ID);
		access.put("role", role);
		access.put("share_with_type", type);
		access.put("share_with_uuid", uuid);
		return access;
	}

	private static boolean matches(String name, @Nullable String search) {
		return search == null || name.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		return value.isString() ? value.asString() : null;
	}

	private static JsonNode body(LoggedRequest request) {
		byte[] bytes = request.getBody();
		if (bytes == null || bytes.length == 0) {
			return MockResponses.JSON.createObjectNode();
		}
		return MockResponses.JSON.readTree(bytes);
	}

	private static @Nullable String query(LoggedRequest request, String name) {
		var parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private static int intQuery(LoggedRequest request, String name, int fallback) {
		String value = query(request, name);
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static Request.@Nullable Part part(LoggedRequest request, String name) {
		Collection<Request.Part> parts = request.isMultipart() ? request.getParts() : null;
		if (parts == null) {
			return null;
		}
		return parts.stream().filter((part) -> name.equals(part.getName())).findFirst().orElse(null);
	}

	private static ResponseDefinition json(int status, JsonNode body) {
		return MockMistralHandler.json(status, body);
	}

	private static ResponseDefinition empty() {
		return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
			.withStatus(204)
			.build();
	}

	/** A library and what it holds. */
	private static final class Library {

		final String id;

		String name;

		@Nullable String description;

		final String ownerType;

		final String createdAt = Instant.now().toString();

		String updatedAt = this.createdAt;

		final Map<String, Document> documents = new LinkedHashMap<>();

		final Map<String, ObjectNode> accesses = new LinkedHashMap<>();

		Library(String id, String name, @Nullable String description, String ownerType) {
			this.id = id;
			this.name = name;
			this.description = description;
			this.ownerType = ownerType;
		}

		ObjectNode json() {
			ObjectNode json = MockResponses.JSON.createObjectNode();
			json.put("id", this.id);
			json.put("name", this.name);
			json.put("created_at", this.createdAt);
			json.put("updated_at", this.updatedAt);
			json.put("owner_id", USER_ID);
			json.put("owner_type", this.ownerType);
			json.put("total_size",
					this.documents.values().stream().mapToLong((document) -> document.bytes.length).sum());
			json.put("nb_documents", this.documents.size());
			json.putNull("chunk_size");
			if (this.description != null) {
				json.put("description", this.description);
			}
			else {
				json.putNull("description");
			}
			return json;
		}

	}

	/** A document whose processing walks through its statuses, one step per read. */
	private static final class Document {

		final String id;

		final String libraryId;

		String name;

		final String mimeType;

		final byte[] bytes;

		final String createdAt = Instant.now().toString();

		@Nullable JsonNode attributes;

		@Nullable String expiresAt;

		private List<String> statuses;

		private int step;

		Document(String id, String libraryId, String name, String mimeType, byte[] bytes, List<String> statuses) {
			this.id = id;
			this.libraryId = libraryId;
			this.name = name;
			this.mimeType = mimeType;
			this.bytes = bytes;
			this.statuses = statuses;
		}

		/** The status as last read (the first one before any read). */
		String status() {
			return this.statuses.get(Math.min(Math.max(this.step - 1, 0), this.statuses.size() - 1));
		}

		/** Reads the status: each read moves one step on, up to the last status. */
		String read() {
			String status = this.statuses.get(Math.min(this.step, this.statuses.size() - 1));
			this.step++;
			return status;
		}

		void restart(List<String> statuses) {
			this.statuses = statuses;
			this.step = 0;
		}

		String text() {
			boolean textual = this.mimeType.startsWith("text/") || this.mimeType.contains("json")
					|| this.mimeType.contains("markdown") || this.mimeType.contains("xml");
			return textual ? new String(this.bytes, StandardCharsets.UTF_8)
					: "MockMistral does not read " + this.mimeType + " documents: this stands for the text of "
							+ this.name + " (" + this.bytes.length + " bytes).";
		}

		ObjectNode json() {
			ObjectNode json = MockResponses.JSON.createObjectNode();
			json.put("id", this.id);
			json.put("library_id", this.libraryId);
			json.putNull("hash");
			json.put("mime_type", this.mimeType);
			int dot = this.name.lastIndexOf('.');
			json.put("extension", (dot >= 0) ? this.name.substring(dot + 1) : "");
			json.put("size", this.bytes.length);
			json.put("name", this.name);
			json.putNull("summary");
			json.put("created_at", this.createdAt);
			json.putNull("last_processed_at");
			json.putNull("number_of_pages");
			String status = status();
			json.put("process_status", status);
			json.put("uploaded_by_id", USER_ID);
			json.put("uploaded_by_type", "User");
			json.putNull("url");
			if (this.attributes != null) {
				json.set("attributes", this.attributes);
			}
			else {
				json.putNull("attributes");
			}
			if (this.expiresAt != null) {
				json.put("expires_at", this.expiresAt);
			}
			else {
				json.putNull("expires_at");
			}
			json.put("processing_status", status);
			json.put("tokens_processing_total", status.equals("done") ? (this.bytes.length + 3) / 4 : 0);
			return json;
		}

	}

}
