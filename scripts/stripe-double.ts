// A local HTTP double of the few Stripe endpoints the adapter uses, for tests:
// create / capture / cancel PaymentIntent and create Refund, with Stripe's
// form encoding, errors and Idempotency-Key replay. Not a Stripe emulator.
import http from "node:http";
import type { AddressInfo } from "node:net";

type PI = { id: string; object: "payment_intent"; amount: number; amount_capturable: number; amount_received: number; currency: string; status: string; capture_method: string; metadata: Record<string, string>; payment_method: { id: string; object: "payment_method"; card: { brand: string; last4: string } } | null; cancellation_reason: string | null; refunded: number };

export type StripeDouble = { port: number; requests: { method: string; path: string; form: Record<string, string>; headers: http.IncomingHttpHeaders }[]; intents: Map<string, PI>; close(): Promise<void> };

const DECLINES: Record<string, [string, string]> = {
  "4000000000000002": ["generic_decline", "Your card was declined."],
  "4000000000009995": ["insufficient_funds", "Your card has insufficient funds."],
};

export async function startStripeDouble(): Promise<StripeDouble> {
  const intents = new Map<string, PI>();
  const requests: StripeDouble["requests"] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const path = (req.url ?? "").split("?")[0]!;
      requests.push({ method: req.method ?? "", path, form, headers: req.headers });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${++n}` });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== "Bearer sk_test_double") return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
      const key = req.headers["idempotency-key"] as string | undefined;
      if (key && replies.has(key)) { const r = replies.get(key)!; return send(r.status, r.body); }
      const reply = (status: number, body: unknown) => { if (key) replies.set(key, { status, body }); send(status, body); };
      const err = (status: number, type: string, message: string, extra: object = {}) => reply(status, { error: { type, message, ...extra } });

      let m: RegExpMatchArray | null;
      if (req.method === "POST" && path === "/v1/payment_intents") {
        const amount = Number(form.amount);
        if (!(amount > 0)) return err(400, "invalid_request_error", "Invalid amount");
        const number = form["payment_method_data[card][number]"] ?? "";
        const id = `pi_double_${++n}`;
        const pi: PI = {
          id, object: "payment_intent", amount, amount_capturable: amount, amount_received: 0, currency: form.currency ?? "eur", status: "requires_capture",
          capture_method: form.capture_method ?? "automatic", metadata: { paymentId: form["metadata[paymentId]"] ?? "" },
          payment_method: { id: `pm_${n}`, object: "payment_method", card: { brand: "visa", last4: number.slice(-4) || "4242" } }, cancellation_reason: null, refunded: 0,
        };
        const decline = DECLINES[number];
        if (decline) {
          pi.status = "requires_payment_method";
          intents.set(id, pi);
          return err(402, "card_error", decline[1], { code: "card_declined", decline_code: decline[0], payment_intent: pi });
        }
        intents.set(id, pi);
        return reply(200, pi);
      }
      if (req.method === "POST" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)\/(capture|cancel)$/))) {
        const pi = intents.get(m[1]!);
        if (!pi) return err(404, "invalid_request_error", `No such payment_intent: '${m[1]}'`);
        if (pi.status !== "requires_capture") return err(400, "invalid_request_error", `This PaymentIntent's status is ${pi.status}.`, { code: "payment_intent_unexpected_state" });
        if (m[2] === "capture") {
          const amount = form.amount_to_capture ? Number(form.amount_to_capture) : pi.amount;
          if (amount > pi.amount_capturable) return err(400, "invalid_request_error", "amount_to_capture is greater than the amount capturable.");
          Object.assign(pi, { status: "succeeded", amount_received: amount, amount_capturable: 0 });
        } else Object.assign(pi, { status: "canceled", amount_capturable: 0, cancellation_reason: "requested_by_customer" });
        return reply(200, pi);
      }
      if (req.method === "POST" && path === "/v1/refunds") {
        const pi = intents.get(form.payment_intent ?? "");
        if (!pi) return err(404, "invalid_request_error", "No such payment_intent");
        const amount = Number(form.amount ?? pi.amount_received - pi.refunded);
        if (pi.status !== "succeeded" || amount > pi.amount_received - pi.refunded) return err(400, "invalid_request_error", "Refund amount is greater than unrefunded amount on charge.");
        pi.refunded += amount;
        return reply(200, { id: `re_double_${++n}`, object: "refund", amount, status: "succeeded", payment_intent: pi.id });
      }
      return err(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${path})`);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port, requests, intents,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
