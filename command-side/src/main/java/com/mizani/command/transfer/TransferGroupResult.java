package com.mizani.command.transfer;

import com.mizani.kernel.transfer.TransferOutcome;

/**
 * What one transfer of a group came to: its outcome, or the refusal its command was answered with (a repeated key
 * with another request, say), exactly as the transfer alone would have been answered.
 */
record TransferGroupResult(TransferOutcome outcome, RuntimeException refusal) {
}
