// SIPp scenarios for running the call scenarios against a real Asterisk: a citizen who
// calls, presses keys with RFC 2833 DTMF (the pcaps Debian's sip-tester ships), waits, and
// hangs up or waits to be hung up; and an agent's phone that answers after a ring.

const PCAPS = '/usr/share/sip-tester';
const pcapFor = (key: string) => `${PCAPS}/dtmf_2833_${key === '#' ? 'pound' : key === '*' ? 'star' : key}.pcap`;

/** speak: about 7 s of speech (Debian's G.711 A-law sample), e.g. a message after the tone. */
export type CitizenStep = { keys: string } | { waitMs: number } | { speak: true };

const headers = (method: string, cseq: number, withTag: boolean) => `
      ${method} sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:[field0]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>${withTag ? '[peer_tag_param]' : ''}
      Call-ID: [call_id]
      CSeq: ${cseq} ${method}
      Contact: <sip:[field0]@[local_ip]:[local_port]>
      Max-Forwards: 70`;

/** The citizen: INVITE from `caller` (SIPp's -inf field0), the steps, then BYE, or wait for the service's BYE. */
function stepsXml(steps: CitizenStep[]): string {
  return steps
    .map((step) =>
      'keys' in step
        ? [...step.keys]
            .map((k) => `  <nop><action><exec play_pcap_audio="${pcapFor(k)}"/></action></nop>\n  <pause milliseconds="400"/>`)
            .join('\n')
        : 'speak' in step
          ? `  <nop><action><exec play_pcap_audio="${PCAPS}/g711a.pcap"/></action></nop>\n  <pause milliseconds="7000"/>`
          : `  <pause milliseconds="${step.waitMs}"/>`,
    )
    .join('\n');
}

export function citizenScenario(steps: CitizenStep[], end: 'hang-up' | 'wait-for-bye'): string {
  const body = stepsXml(steps);
  const ending =
    end === 'hang-up'
      ? `  <send retrans="500"><![CDATA[${headers('BYE', 2, true)}
      Content-Length: 0

    ]]></send>
  <recv response="200" crlf="true"/>`
      : `  <recv request="BYE"/>
  <send><![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]></send>`;
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="citizen">
  <send retrans="500"><![CDATA[${headers('INVITE', 1, false)}
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=citizen 1 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[local_ip_type] [local_ip]
      t=0 0
      m=audio [auto_media_port] RTP/AVP 0 8 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:8 PCMA/8000
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-16

    ]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
  <recv response="200" rtd="true"/>
  <send><![CDATA[${headers('ACK', 1, true)}
      Content-Length: 0

    ]]></send>
${body}
${ending}
</scenario>
`;
}

/**
 * The agent's softphone (or a citizen's phone the service calls): rings for `ringMs`, answers,
 * runs `steps` (keys, pauses), then waits for BYE (or sends it after `talkMs`).
 */
export function agentPhoneScenario(ringMs: number, talkMs: number | null, steps: CitizenStep[] = []): string {
  const reply = (status: string, sdp: boolean) => `  <send><![CDATA[
      SIP/2.0 ${status}
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:agent@[local_ip]:[local_port]>
${
  sdp
    ? `      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=agent 1 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[local_ip_type] [local_ip]
      t=0 0
      m=audio [auto_media_port] RTP/AVP 0 8 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:8 PCMA/8000
      a=rtpmap:101 telephone-event/8000
`
    : '      Content-Length: 0\n'
}
    ]]></send>`;
  const hangup =
    talkMs === null
      ? `  <recv request="BYE"/>
${reply('200 OK', false)}`
      : // The phone's own BYE turns the INVITE's From and To round: its tag goes on From.
        `  <pause milliseconds="${talkMs}"/>
  <send retrans="500"><![CDATA[
      BYE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: [$invite_to];tag=[pid]SIPpTag[call_number]
      To: [$invite_from]
      [last_Call-ID:]
      CSeq: 2 BYE
      Max-Forwards: 70
      Content-Length: 0

    ]]></send>
  <recv response="200"/>`;
  // SIPp refuses an optional message right before a pause: the ACK is awaited when a pause follows.
  const ackOptional = talkMs === null && steps.length === 0;
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="agent phone">
${
  // SIPp refuses a variable it is never asked for, so the headers are kept only for the phone's own BYE.
  talkMs === null
    ? '  <recv request="INVITE" crlf="true"/>'
    : `  <recv request="INVITE" crlf="true" rrs="true">
    <action>
      <ereg regexp=".*" search_in="hdr" header="From:" assign_to="invite_from"/>
      <ereg regexp=".*" search_in="hdr" header="To:" assign_to="invite_to"/>
    </action>
  </recv>`
}
${reply('180 Ringing', false)}
  <pause milliseconds="${ringMs}"/>
${reply('200 OK', true)}
  <recv request="ACK"${ackOptional ? ' optional="true"' : ''}/>
${stepsXml(steps)}
${hangup}
</scenario>
`;
}

/** The agent's softphone is busy: it answers the INVITE with 486. */
export function agentBusyScenario(): string {
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="agent busy">
  <recv request="INVITE" crlf="true"/>
  <send><![CDATA[
      SIP/2.0 486 Busy Here
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]></send>
  <recv request="ACK"/>
</scenario>
`;
}
