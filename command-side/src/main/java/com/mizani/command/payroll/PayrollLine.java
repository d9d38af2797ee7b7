package com.mizani.command.payroll;

/**
 * One line of a payroll job as it was sent, every field still text (null when absent).
 *
 * @param line where it was: a CSV record's number counting the header as 1, a JSON item's position from 1
 */
record PayrollLine(int line, String reference, String amount, String currency, String walletId, String msisdn) {
}
