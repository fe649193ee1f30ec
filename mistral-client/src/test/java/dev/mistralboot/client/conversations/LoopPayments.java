package dev.mistralboot.client.conversations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolParam;

/**
 * Payment tools for the conversation tool loop tests: they record their calls and throw
 * for an unknown transaction.
 */
class LoopPayments {

	static final Map<String, String> STATUS = Map.of("T1001", "Paid", "T1002", "Unpaid", "T1005", "Pending");

	final List<String> calls = new CopyOnWriteArrayList<>();

	final List<String> threads = new CopyOnWriteArrayList<>();

	@MistralTool(name = "retrieve_payment_status", description = "Get payment status of a transaction")
	Map<String, String> status(
			@ToolParam(name = "transaction_id", description = "The transaction id.") String transactionId) {
		this.calls.add("status " + transactionId);
		this.threads.add(Thread.currentThread().getName());
		String status = STATUS.get(transactionId);
		if (status == null) {
			throw new IllegalArgumentException("No transaction " + transactionId);
		}
		return Map.of("status", status);
	}

	@MistralTool(name = "retrieve_payment_date", description = "Get payment date of a transaction")
	Map<String, String> date(
			@ToolParam(name = "transaction_id", description = "The transaction id.") String transactionId) {
		this.calls.add("date " + transactionId);
		return Map.of("date", "2021-10-05");
	}

}
