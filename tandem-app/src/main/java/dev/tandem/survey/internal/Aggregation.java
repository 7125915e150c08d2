package dev.tandem.survey.internal;

import dev.tandem.survey.QuarterPoint;
import dev.tandem.survey.Question;
import dev.tandem.survey.QuestionKind;
import dev.tandem.survey.QuestionResult;
import dev.tandem.survey.RatingStats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The arithmetic of survey results, free of storage. Every mean is the mean of the rating answers it
 * covers, each answer weighing the same: the program average is the mean of all rating answers of all
 * rounds, not a mean of the rounds' means.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /** All rating answers together. */
    public static RatingStats overall(List<AnswerRow> rows) {
        return RatingStats.of(rows.stream().filter(r -> r.kind() == QuestionKind.RATING).map(AnswerRow::rating).toList());
    }

    /** One round: a result per question in the order asked, including questions nobody answered. */
    public static List<QuestionResult> byPosition(List<Question> questions, List<AnswerRow> rows) {
        List<QuestionResult> out = new ArrayList<>();
        for (Question q : questions) {
            List<AnswerRow> mine = rows.stream().filter(r -> r.position() == q.position()).toList();
            out.add(result(q.text(), q.kind(), mine));
        }
        return out;
    }

    /**
     * Across rounds: questions with the same kind and wording are one, in the order first seen (rows are
     * expected oldest round first, questions by position).
     */
    public static List<QuestionResult> byWording(List<AnswerRow> rows) {
        Map<String, List<AnswerRow>> groups = new LinkedHashMap<>();
        Map<String, AnswerRow> first = new LinkedHashMap<>();
        for (AnswerRow r : rows) {
            String key = r.kind() + "\u0000" + r.question();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            first.putIfAbsent(key, r);
        }
        List<QuestionResult> out = new ArrayList<>();
        groups.forEach((key, group) -> out.add(result(first.get(key).question(), first.get(key).kind(), group)));
        return out;
    }

    /** The quarter of an instant in UTC, "2026-Q3". */
    public static String quarter(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return t.getYear() + "-Q" + ((t.getMonthValue() - 1) / 3 + 1);
    }

    /** Rating answers by the quarter they were given in, oldest quarter first; quarters without ratings are left out. */
    public static List<QuarterPoint> trend(List<AnswerRow> rows) {
        Map<String, List<Integer>> ratings = new TreeMap<>();
        Map<String, Set<Long>> responses = new TreeMap<>();
        for (AnswerRow r : rows) {
            if (r.kind() != QuestionKind.RATING || r.rating() == null) {
                continue;
            }
            String q = quarter(r.submittedAt());
            ratings.computeIfAbsent(q, k -> new ArrayList<>()).add(r.rating());
            responses.computeIfAbsent(q, k -> new HashSet<>()).add(r.responseId());
        }
        List<QuarterPoint> out = new ArrayList<>();
        ratings.forEach((q, list) -> {
            RatingStats s = RatingStats.of(list);
            out.add(new QuarterPoint(q, s.mean(), s.count(), responses.get(q).size()));
        });
        return out;
    }

    private static QuestionResult result(String text, QuestionKind kind, List<AnswerRow> rows) {
        if (kind == QuestionKind.RATING) {
            return new QuestionResult(text, kind, RatingStats.of(rows.stream().map(AnswerRow::rating).toList()), List.of());
        }
        return new QuestionResult(text, kind, null, rows.stream().filter(r -> r.text() != null && !r.text().isBlank())
                .map(r -> new QuestionResult.TextAnswer(r.text(), r.respondent())).toList());
    }
}
