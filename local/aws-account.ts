/** The account and region the local stack pretends to be (fauxqs uses the same account id in ARNs). */
export const REGION = 'us-east-1';
export const ACCOUNT_ID = '000000000000';
