package io.hostwright.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.ApiResponses;
import io.hostwright.lambda.api.Ids;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff usage export's request and answer: {@code ?period=YYYY-MM[&limit=N][&after=<cursor>]}, answered as JSON
 * or, for {@code Accept: text/csv}, as CSV with a header row; the next page's cursor is in {@code nextCursor} (JSON)
 * and in a {@code Link} header (both).
 */
final class UsageExportDocuments {

    static final int DEFAULT_LIMIT = 1_000;
    private static final String CSV = "text/csv";

    private UsageExportDocuments() {
    }

    static YearMonth period(ApiRequest request) {
        String period = request.queryParameter("period").orElseThrow(() ->
                InvalidRequest.of("period", "is required: the month the traffic periods start in, e.g. 2027-01"));
        try {
            return YearMonth.parse(period.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("period", "must be a month as YYYY-MM, e.g. 2027-01");
        }
    }

    static int limit(ApiRequest request) {
        String limit = request.queryParameter("limit").orElse(Integer.toString(DEFAULT_LIMIT));
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= UsageExport.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // named below
        }
        throw InvalidRequest.of("limit", "must be a whole number from 1 to " + UsageExport.MAX_PAGE);
    }

    /** The cursor a previous page gave: the last service id it listed. */
    static String after(ApiRequest request) {
        String after = request.queryParameter("after").filter(a -> !a.isBlank()).orElse(null);
        if (after != null && Ids.whyNot(after) != null) {
            throw InvalidRequest.of("after", "must be the nextCursor of a previous page");
        }
        return after;
    }

    static APIGatewayV2HTTPResponse answer(ApiRequest request, UsageExport.Page page) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (page.next() != null) {
            headers.put("Link", "</v1/admin/usage?period=" + page.month() + "&after=" + page.next()
                    + "&limit=" + limit(request) + ">; rel=\"next\"");
        }
        boolean csv = request.header("accept").map(a -> a.contains(CSV)).orElse(false);
        if (csv) {
            headers.put("Content-Disposition", "attachment; filename=\"usage-" + page.month() + ".csv\"");
            return ApiResponses.text(200, CSV + "; charset=utf-8", csv(page), headers);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", page.month().toString());
        body.put("rows", page.rows());
        body.put("nextCursor", page.next());
        return ApiResponses.json(200, body, headers);
    }

    static String csv(UsageExport.Page page) {
        StringBuilder out = new StringBuilder("serviceId,customerId,productId,periodStart,periodEnd,closed,"
                + "countedBytes,allowanceBytes,overageTb,currency,unitPriceMinor,amountMinor\r\n");
        for (UsageExport.Row r : page.rows()) {
            out.append(cell(r.serviceId())).append(',').append(cell(r.customerId())).append(',')
                    .append(cell(r.productId())).append(',').append(r.periodStart()).append(',')
                    .append(r.periodEnd()).append(',').append(r.closed()).append(',').append(r.countedBytes())
                    .append(',').append(r.allowanceBytes()).append(',').append(r.overageTb()).append(',')
                    .append(r.amount().currency()).append(',').append(r.unitPrice().amountMinor()).append(',')
                    .append(r.amount().amountMinor()).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
