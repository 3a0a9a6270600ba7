import { useEffect, useRef, useState } from 'react';
import { maxUnsavedBytes } from '../../api/files';
import { Icon } from '../../components/Icon';
import { webmOpusToOgg } from '../../lib/webm-opus-to-ogg';
import { useAttachHints } from './attach-hints';

const OGG = 'audio/ogg;codecs=opus';
const WEBM = 'audio/webm;codecs=opus';
const BITS_PER_SECOND = 24_000;
/** WhatsApp takes 16 MB of audio; a quarter hour at this rate is far below it. */
const MAX_SECONDS = 15 * 60;

type Props = {
  /** The recording as OGG/Opus (WhatsApp's voice note format). */
  readonly onRecorded: (ogg: Blob) => void;
  readonly onError: (message: string) => void;
};

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Chromium records Opus in WebM only: its packets are rewrapped as Ogg (lib/webm-opus-to-ogg). */
async function toOgg(chunks: Blob[], mimeType: string): Promise<Blob> {
  const blob = new Blob(chunks, { type: mimeType });
  if (mimeType.startsWith('audio/ogg')) return new Blob([blob], { type: 'audio/ogg' });
  const ogg = webmOpusToOgg(new Uint8Array(await blob.arrayBuffer()));
  return new Blob([ogg], { type: 'audio/ogg' });
}

/** The composer's microphone: record with a running timer, then discard or send as a voice note. */
export function VoiceRecorder({ onRecorded, onError }: Props) {
  const th = useAttachHints();
  const [seconds, setSeconds] = useState<number | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const keep = useRef(false);
  // Without a path on disk, Electron passes a recording inline (≤ 700 KB): stop before that.
  const maxSeconds = Math.min(MAX_SECONDS, Math.floor((maxUnsavedBytes() * 8 * 0.9) / BITS_PER_SECOND));

  useEffect(() => () => recorder.current?.stream.getTracks().forEach(t => t.stop()), []);
  useEffect(() => {
    if (seconds === null) return;
    if (seconds >= maxSeconds) {
      stop(true);
      return;
    }
    const timer = setTimeout(() => setSeconds(s => (s === null ? null : s + 1)), 1000);
    return () => clearTimeout(timer);
  });

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined')
      return onError(th('composerHints.voice.unsupported'));
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      const name = err instanceof DOMException ? err.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') return onError(th('composerHints.voice.denied'));
      if (name === 'NotFoundError') return onError(th('composerHints.voice.noMicrophone'));
      return onError(th('composerHints.voice.failed'));
    }
    const mimeType = MediaRecorder.isTypeSupported(OGG) ? OGG : WEBM;
    const rec = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: BITS_PER_SECOND });
    const chunks: Blob[] = [];
    rec.ondataavailable = e => chunks.push(e.data);
    rec.onstop = () => {
      stream.getTracks().forEach(t => t.stop());
      recorder.current = null;
      setSeconds(null);
      if (!keep.current) return;
      toOgg(chunks, mimeType).then(onRecorded, () => onError(th('composerHints.voice.failed')));
    };
    recorder.current = rec;
    keep.current = false;
    rec.start(1000);
    setSeconds(0);
  }

  function stop(send: boolean) {
    keep.current = send;
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }

  if (seconds === null)
    return (
      <button
        type="button"
        className="icon-button"
        aria-label={th('composerHints.voice.record')}
        // The cap says itself before recording (about 3½ min in the desktop app, 15 in a browser).
        title={`${th('composerHints.voice.record')} (${th('composerHints.voice.limit', { time: clock(maxSeconds) })})`}
        onClick={() => void start()}
      >
        <Icon name="mic" size={18} />
      </button>
    );
  return (
    <div className="voice-recording" role="group" aria-label={th('composerHints.voice.recording')}>
      <button
        type="button"
        className="icon-button"
        aria-label={th('composerHints.voice.cancel')}
        onClick={() => stop(false)}
      >
        <Icon name="close" size={16} />
      </button>
      <span className="voice-dot" aria-hidden="true" />
      <time className="small" role="timer" aria-live="off">
        {clock(seconds)}
      </time>
      <button type="button" className="primary" aria-label={th('composerHints.voice.send')} onClick={() => stop(true)}>
        <Icon name="send" size={16} />
      </button>
    </div>
  );
}
