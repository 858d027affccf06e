// A real SMTP server for tests (smtp-server on a loopback port) that keeps what it receives, decoded enough to
// assert on: envelope, headers, subject, text and HTML parts. It can refuse (4xx/5xx), go down and come back.
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

export type ReceivedMail = {
  envelopeTo: string[];
  raw: string;
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
};

export type SmtpSink = {
  url: string;
  mails: ReceivedMail[];
  /** From now on, answer DATA with this SMTP code (e.g. 451, 550); null accepts again. */
  refuseWith: (code: number | null) => void;
  /** Delay each accepted mail (to make concurrent senders overlap). */
  slowDown: (ms: number) => void;
  stop: () => Promise<void>;
  /** Listens again on the same port after stop(). */
  restart: () => Promise<void>;
};

const USER = "agora";
const PASS = "s3cret";

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), joined byte-wise so split characters survive. */
function decodeWords(value: string): string {
  const bytes = value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("latin1")
        : text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return Buffer.from(
        body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      ).toString("utf8");
    default:
      return body;
  }
}

/** Splits a MIME entity into its leaf parts (content type → decoded body). */
function leafParts(entity: string, out: Map<string, string>) {
  const split = entity.search(/\r?\n\r?\n/);
  const headers = parseHeaders(entity.slice(0, split));
  const body = entity.slice(split).replace(/^\r?\n\r?\n/, "");
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith("--")) break;
      leafParts(part.replace(/^\r?\n/, ""), out);
    }
    return;
  }
  out.set(type.split(";")[0].trim().toLowerCase(), decodeBody(body, headers.get("content-transfer-encoding")));
}

function parseMail(raw: string, envelopeTo: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(raw.slice(0, split));
  const parts = new Map<string, string>();
  leafParts(raw, parts);
  return {
    envelopeTo,
    raw,
    headers,
    subject: headers.get("subject") ?? "",
    messageId: headers.get("message-id") ?? "",
    text: parts.get("text/plain") ?? "",
    html: parts.get("text/html") ?? "",
  };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let refusal: number | null = null;
  let delay = 0;
  const make = () =>
    new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === USER && auth.password === PASS) callback(null, { user: USER });
        else callback(new Error("Invalid username or password"));
      },
      onData(stream: SMTPServerDataStream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          if (refusal !== null) {
            const error = new Error(refusal >= 500 ? "Message rejected" : "Try again later") as Error & { responseCode: number };
            error.responseCode = refusal;
            callback(error);
            return;
          }
          const finish = () => {
            mails.push(
              parseMail(
                Buffer.concat(chunks).toString("utf8"),
                session.envelope.rcptTo.map((r) => r.address),
              ),
            );
            callback();
          };
          if (delay) setTimeout(finish, delay);
          else finish();
        });
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  const port = await listen(0);
  return {
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    mails,
    refuseWith: (code) => {
      refusal = code;
    },
    slowDown: (ms) => {
      delay = ms;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    restart: async () => {
      server = make();
      await listen(port);
    },
  };
}
