-- CreateTable
CREATE TABLE "outstanding_balances" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    "settled_payment_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outstanding_balances_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outstanding_balances_session_id_key" ON "outstanding_balances"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "outstanding_balances_settled_payment_id_key" ON "outstanding_balances"("settled_payment_id");

-- CreateIndex
CREATE INDEX "outstanding_balances_user_id_settled_at_idx" ON "outstanding_balances"("user_id", "settled_at");

-- AddForeignKey
ALTER TABLE "outstanding_balances" ADD CONSTRAINT "outstanding_balances_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outstanding_balances" ADD CONSTRAINT "outstanding_balances_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "charging_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outstanding_balances" ADD CONSTRAINT "outstanding_balances_settled_payment_id_fkey" FOREIGN KEY ("settled_payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a debt is a positive amount, and it is settled by a payment exactly when it has a settlement date.
ALTER TABLE "outstanding_balances" ADD CONSTRAINT "outstanding_balances_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "outstanding_balances" ADD CONSTRAINT "outstanding_balances_settled_together" CHECK (("settled_at" IS NULL) = ("settled_payment_id" IS NULL));
