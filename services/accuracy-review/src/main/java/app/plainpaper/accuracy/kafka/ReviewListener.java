package app.plainpaper.accuracy.kafka;

import app.plainpaper.accuracy.checks.AccuracyChecks;
import app.plainpaper.accuracy.feedback.FeedbackReReview;
import app.plainpaper.accuracy.workflow.ReviewWorkflow;
import app.plainpaper.accuracy.workflow.Verdict;
import app.plainpaper.accuracy.workflow.Withdrawals;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Finding;
import app.plainpaper.events.NoticeKind;
import app.plainpaper.events.PaperNotice;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.SummarySnapshots;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the accuracy checks on each new revision and processes the editors' and clinical reviewers' decisions.
 * Each record is handled in one Kafka transaction: its output and its offset commit together.
 */
class ReviewListener {

    private static final Logger log = LoggerFactory.getLogger(ReviewListener.class);

    private final SummarySnapshots snapshots;
    private final ReviewWorkflow workflow;
    private final AccuracyChecks checks;
    private final EventSuccession succession;
    private final KafkaTemplate<Object, Object> kafka;
    private FeedbackReReview feedbackReReview;

    ReviewListener(SummarySnapshots snapshots, ReviewWorkflow workflow, AccuracyChecks checks, EventSuccession succession,
            KafkaTemplate<Object, Object> kafka) {
        this.snapshots = snapshots;
        this.workflow = workflow;
        this.checks = checks;
        this.succession = succession;
        this.kafka = kafka;
    }

    @KafkaListener(id = "accuracy-review", topics = {Topics.COMPLIANCE_ADVISED, Topics.COMMANDS, Topics.COMPLIANCE_FAILED,
            Topics.COMPLIANCE_PASSED, Topics.PUBLISHED, Topics.PAPER_NOTICES, Topics.READER_FEEDBACK})
    void on(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof SummaryEvent event) {
            onEvent(record.topic(), event);
        } else if (record.value() instanceof EditorialCommand command) {
            onCommand(command);
        } else if (record.value() instanceof PaperNotice notice) {
            onNotice(notice);
        } else if (record.value() instanceof ReaderFeedback feedback && feedbackReReview != null) {
            feedbackReReview.on(feedback).ifPresent(sentBack -> {
                send(Topics.SENT_BACK, sentBack);
                log.info("Summary {} sent back to the editors: {}", sentBack.getSummaryId(), sentBack.getReason());
            });
        } else {
            throw new UnprocessableEvent("Unexpected record type " + (record.value() == null ? "null" : record.value().getClass().getName())
                    + " on " + record.topic());
        }
    }

    /** Readers' feedback that turns negative sends a published summary back to the editors. */
    void sendBackOnNegativeFeedback(FeedbackReReview reReview) {
        this.feedbackReReview = reReview;
    }

    private void onEvent(String topic, SummaryEvent event) {
        snapshots.apply(event);
        if (!Topics.COMPLIANCE_ADVISED.equals(topic) || snapshots.handled(event.getEventId())) {
            return;
        }
        if (event.getDraft() == null) {
            throw new UnprocessableEvent("Revision " + event.getRevision() + " has no draft to check.");
        }
        List<Finding> findings = new ArrayList<>(event.getFindings());
        findings.addAll(checks.check(event));
        SummaryEvent checked = succession.after(event, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW)
                .setFindings(findings)
                .setReason(ReviewWorkflow.blockerReason(findings))
                .build();
        send(Topics.ACCURACY_CHECKED, checked);
        log.info("Revision {} checked: {} findings, {} open blockers", checked.getRevision(), findings.size(),
                ReviewWorkflow.openBlockers(findings).size());
    }

    private void onCommand(EditorialCommand command) {
        if (snapshots.handled(command.getCommandId())) {
            log.info("Decision {} was handled already", command.getCommandId());
            return;
        }
        SummaryEvent current = snapshots.current(command.getSummaryId())
                .orElseThrow(() -> new UnprocessableEvent("No summary " + command.getSummaryId() + " is known here."));
        Verdict verdict = workflow.decide(current, command);
        send(verdict.topic(), verdict.event());
        log.info("Decision {} {} on revision {}: {}", command.getAction(), verdict.accepted() ? "accepted" : "refused",
                command.getRevision(), verdict.event().getReason());
    }

    /** A retraction found after ingestion marks the summary retracted; other notices are not the workflow's. */
    private void onNotice(PaperNotice notice) {
        if (notice.getKind() != NoticeKind.RETRACTED || snapshots.handled(notice.getNoticeId())) {
            return;
        }
        SummaryEvent current = snapshots.current(notice.getSummaryId())
                .orElseThrow(() -> new UnprocessableEvent("Retraction notice " + notice.getNoticeId() + " is about summary "
                        + notice.getSummaryId() + ", which is not known here."));
        Withdrawals.retracted(succession, current, notice.getNoticeId(), notice.getDetail(), notice.getSource())
                .ifPresent(verdict -> {
                    send(verdict.topic(), verdict.event());
                    log.info("Summary {} retracted ({})", notice.getSummaryId(), verdict.event().getReason());
                });
    }

    private void send(String topic, SummaryEvent event) {
        kafka.send(topic, event.getSummaryId(), event);
        // Our own outputs become state only once the transaction holding them commits.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshots.apply(event);
                }
            });
        } else {
            snapshots.apply(event);
        }
    }
}
