package dev.mistralboot.client.libraries;

import dev.mistralboot.client.test.MistralWireMock;

/**
 * Answers of the libraries endpoints, each checked against its schema in the API
 * description, shared by the blocking and reactive client tests.
 */
final class LibraryFixtures {

	static final String LIBRARY_ID = "0197a2f5-3c4d-7e8f-9a0b-1c2d3e4f5a6b";

	static final String DOCUMENT_ID = "0197a2f6-1111-7222-8333-444455556666";

	static final String USER_ID = "0197a2f7-aaaa-7bbb-8ccc-dddd00001111";

	static final String ORG_ID = "0197a2f8-0000-7000-8000-000000000001";

	static final String LIBRARY = MistralWireMock.conformingSchema("Library", """
			{"id":"%s","name":"Handbooks","created_at":"2026-11-30T09:15:00.123456Z",
			 "updated_at":"2026-12-01T10:00:00Z","owner_id":"%s","owner_type":"Workspace","total_size":5242880000,
			 "nb_documents":2,"chunk_size":null,"description":"What new staff read","emoji":null,
			 "generated_description":null,"explicit_user_members_count":null,"explicit_workspace_members_count":1,
			 "org_sharing_role":null,"generated_name":null,"search_index":"v2"}""".formatted(LIBRARY_ID, USER_ID));

	static final String SECOND_LIBRARY_ID = "0197a2f5-0000-7000-8000-00000000000b";

	static final String SECOND_LIBRARY = MistralWireMock.conformingSchema("Library", """
			{"id":"%s","name":"Contracts","created_at":"2026-11-30T09:15:00Z","updated_at":"2026-11-30T09:15:00Z",
			 "owner_id":null,"owner_type":"User","total_size":0,"nb_documents":0,"chunk_size":null}"""
		.formatted(SECOND_LIBRARY_ID));

	static String document(String status) {
		return MistralWireMock.conformingSchema("Document", """
				{"id":"%s","library_id":"%s","hash":"9f86d081884c7d65","mime_type":"application/pdf",
				 "extension":"pdf","size":48213,"name":"handbook.pdf","summary":null,
				 "created_at":"2026-12-01T10:00:00Z","last_processed_at":null,"number_of_pages":12,
				 "process_status":"%s","uploaded_by_id":"%s","uploaded_by_type":"User",
				 "tokens_processing_main_content":null,"tokens_processing_summary":null,"url":null,
				 "attributes":{"team":"hr","year":2026},"expires_at":null,"processing_status":"%s",
				 "tokens_processing_total":1830}""".formatted(DOCUMENT_ID, LIBRARY_ID, status, USER_ID, status));
	}

	static String status(String status) {
		return MistralWireMock.conformingSchema("ProcessingStatus", """
				{"document_id":"%s","process_status":"%s","processing_status":"%s"}""".formatted(DOCUMENT_ID, status,
				status));
	}

	static final String ACCESS = MistralWireMock.conformingSchema("Sharing", """
			{"library_id":"%s","user_id":null,"org_id":"%s","role":"Editor","share_with_type":"User",
			 "share_with_uuid":"%s"}""".formatted(LIBRARY_ID, ORG_ID, USER_ID));

	static final String TEXT = "Welcome aboard.\nYour first week starts with the security training.";

	private LibraryFixtures() {
	}

	static String documentPage(int page, int total, String... documents) {
		return MistralWireMock.conformingSchema("ListDocumentsResponse",
				"{\"pagination\":{\"total_items\":%d,\"total_pages\":%d,\"current_page\":%d,\"page_size\":1,\"has_more\":%b},\"data\":[%s]}"
					.formatted(total, total, page, page + 1 < total, String.join(",", documents)));
	}

}
