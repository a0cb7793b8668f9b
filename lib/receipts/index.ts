export { loadReceipt, listReceipts, type TReceipt, type TReceiptLine } from "./receipt.ts";
export { receiptPdf } from "./receipt-pdf.ts";
export { buildPdf, textWidth, type TPdfPage } from "./pdf.ts";
