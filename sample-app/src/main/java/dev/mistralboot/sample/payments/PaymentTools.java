package dev.mistralboot.sample.payments;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.mistralboot.client.chat.FunctionDefinition;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.Tool;

/**
 * The two functions of the payment-status example of the Mistral documentation, over its five transactions.
 */
@Component
public class PaymentTools {

	/** The name of the function returning a payment's status. */
	public static final String STATUS = "retrieve_payment_status";

	/** The name of the function returning a payment's date. */
	public static final String DATE = "retrieve_payment_date";

	private static final Map<String, Payment> PAYMENTS = Map.of(
			"T1001", new Payment("C001", 125.50, "2021-10-05", "Paid"),
			"T1002", new Payment("C002", 89.99, "2021-10-06", "Unpaid"),
			"T1003", new Payment("C003", 120.00, "2021-10-07", "Paid"),
			"T1004", new Payment("C002", 54.30, "2021-10-05", "Paid"),
			"T1005", new Payment("C001", 210.20, "2021-10-08", "Pending"));

	private static final Map<String, Object> TRANSACTION_ID_PARAMETER = Map.of("type", "object", "properties",
			Map.of("transaction_id", Map.of("type", "string", "description", "The transaction id, such as T1001.")),
			"required", List.of("transaction_id"));

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The tool declarations sent with each request.
	 * @return the two function tools
	 */
	public List<Tool> declarations() {
		return List.of(
				new FunctionTool(new FunctionDefinition(STATUS, "Get the payment status of a transaction", null,
						TRANSACTION_ID_PARAMETER)),
				new FunctionTool(new FunctionDefinition(DATE, "Get the payment date of a transaction", null,
						TRANSACTION_ID_PARAMETER)));
	}

	/**
	 * Runs a function the model asked for.
	 * @param name the function name
	 * @param arguments the arguments as JSON text
	 * @return the result as JSON text, an {@code error} member when the call cannot be answered
	 */
	public String call(String name, String arguments) {
		String id = this.json.readTree(arguments).path("transaction_id").asString("");
		Payment payment = PAYMENTS.get(id);
		if (payment == null) {
			return this.json.writeValueAsString(Map.of("error", "transaction " + id + " not found"));
		}
		return switch (name) {
			case STATUS -> this.json.writeValueAsString(Map.of("transaction_id", id, "status", payment.status()));
			case DATE -> this.json.writeValueAsString(Map.of("transaction_id", id, "date", payment.date()));
			default -> this.json.writeValueAsString(Map.of("error", "unknown function " + name));
		};
	}

	record Payment(String customerId, double amount, String date, String status) {
	}

}
