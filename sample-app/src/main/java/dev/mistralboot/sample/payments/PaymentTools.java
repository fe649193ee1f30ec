package dev.mistralboot.sample.payments;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mistralboot.client.chat.tools.MistralTool;
import dev.mistralboot.client.chat.tools.ToolParam;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The two functions of the payment-status example of the Mistral documentation, over its
 * five transactions. Each {@link MistralTool} method becomes a tool of the
 * auto-configured {@code ToolRegistry}: its parameter schema comes from the method's
 * parameters, its result is sent back to the model as JSON.
 */
@Component
public class PaymentTools {

	/** The name of the function returning a payment's status. */
	public static final String STATUS = "retrieve_payment_status";

	/** The name of the function returning a payment's date. */
	public static final String DATE = "retrieve_payment_date";

	private static final String NOT_FOUND = "transaction id not found";

	private static final Map<String, Transaction> TRANSACTIONS = Map.of("T1001",
			new Transaction("C001", 125.50, LocalDate.of(2021, 10, 5), "Paid"), "T1002",
			new Transaction("C002", 89.99, LocalDate.of(2021, 10, 6), "Unpaid"), "T1003",
			new Transaction("C003", 120.00, LocalDate.of(2021, 10, 7), "Paid"), "T1004",
			new Transaction("C002", 54.30, LocalDate.of(2021, 10, 5), "Paid"), "T1005",
			new Transaction("C001", 210.20, LocalDate.of(2021, 10, 8), "Pending"));

	/**
	 * Looks up a payment's status.
	 * @param transactionId the transaction id, such as {@code T1001}
	 * @return the status, or an error the model reads and can explain when the
	 * transaction is unknown
	 */
	@MistralTool(name = STATUS, description = "Get payment status of a transaction")
	public PaymentStatus retrievePaymentStatus(@ToolParam(name = "transaction_id",
			description = "The transaction id, such as T1001.") String transactionId) {
		String id = normalize(transactionId);
		Transaction transaction = TRANSACTIONS.get(id);
		return (transaction != null) ? new PaymentStatus(id, transaction.status(), null)
				: new PaymentStatus(id, null, NOT_FOUND);
	}

	/**
	 * Looks up a payment's date.
	 * @param transactionId the transaction id, such as {@code T1001}
	 * @return the date, or an error the model reads and can explain when the transaction
	 * is unknown
	 */
	@MistralTool(name = DATE, description = "Get payment date of a transaction")
	public PaymentDate retrievePaymentDate(@ToolParam(name = "transaction_id",
			description = "The transaction id, such as T1001.") String transactionId) {
		String id = normalize(transactionId);
		Transaction transaction = TRANSACTIONS.get(id);
		return (transaction != null) ? new PaymentDate(id, transaction.date(), null)
				: new PaymentDate(id, null, NOT_FOUND);
	}

	private static String normalize(String transactionId) {
		return transactionId.trim().toUpperCase(Locale.ROOT);
	}

	/**
	 * What {@code retrieve_payment_status} answers, as JSON:
	 * {@code {"transaction_id":"T1001","status":"Paid"}}.
	 *
	 * @param transactionId the transaction id
	 * @param status {@code Paid}, {@code Unpaid} or {@code Pending}; absent when not
	 * found
	 * @param error why there is no status; absent when found
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PaymentStatus(@JsonProperty("transaction_id") String transactionId, @Nullable String status,
			@Nullable String error) {
	}

	/**
	 * What {@code retrieve_payment_date} answers, as JSON:
	 * {@code {"transaction_id":"T1001","date":"2021-10-05"}}.
	 *
	 * @param transactionId the transaction id
	 * @param date the payment date; absent when not found
	 * @param error why there is no date; absent when found
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PaymentDate(@JsonProperty("transaction_id") String transactionId, @Nullable LocalDate date,
			@Nullable String error) {
	}

	/**
	 * A row of the example's table.
	 *
	 * @param customerId the customer
	 * @param amount the amount paid or due
	 * @param date the payment date
	 * @param status {@code Paid}, {@code Unpaid} or {@code Pending}
	 */
	record Transaction(String customerId, double amount, LocalDate date, String status) {
	}

}
