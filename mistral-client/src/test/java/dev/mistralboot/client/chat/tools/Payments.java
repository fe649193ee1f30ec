package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payment tools of Mistral's function-calling guide, over its five transactions.
 */
class Payments {

	static final Map<String, Payment> DATA = Map.of("T1001", new Payment("C001", 125.50, "2021-10-05", "Paid"), "T1002",
			new Payment("C002", 89.99, "2021-10-06", "Unpaid"), "T1003",
			new Payment("C003", 120.00, "2021-10-07", "Paid"), "T1004",
			new Payment("C002", 54.30, "2021-10-05", "Paid"), "T1005",
			new Payment("C001", 210.20, "2021-10-08", "Pending"));

	final List<String> calls = new ArrayList<>();

	@MistralTool(name = "retrieve_payment_status", description = "Get payment status of a transaction")
	PaymentStatus status(
			@ToolParam(name = "transaction_id", description = "The transaction id.") String transactionId) {
		this.calls.add("status " + transactionId);
		return new PaymentStatus(find(transactionId).status());
	}

	@MistralTool(name = "retrieve_payment_date", description = "Get payment date of a transaction")
	Map<String, String> date(
			@ToolParam(name = "transaction_id", description = "The transaction id.") String transactionId) {
		this.calls.add("date " + transactionId);
		return Map.of("date", find(transactionId).date());
	}

	private static Payment find(String transactionId) {
		Payment payment = DATA.get(transactionId);
		if (payment == null) {
			throw new IllegalArgumentException("No transaction " + transactionId);
		}
		return payment;
	}

	record Payment(String customerId, double amount, String date, String status) {
	}

	record PaymentStatus(String status) {
	}

}
