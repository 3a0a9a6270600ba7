import type { AutomationAiMessageKey } from './automation-ai.en';

/** Bahasa Indonesia strings of Settings → Automation, "AI untuk aturan" (admin). */
export const automationAiId: Record<AutomationAiMessageKey, string> = {
  'automationAi.heading': 'AI untuk aturan',
  'automationAi.help':
    'Server workspace menanyakan suasana hati setiap pesan pelanggan ke endpoint yang kompatibel dengan OpenAI ini selama ada aturan dengan syarat suasana hati yang aktif. Hanya alamat http dan https. Kunci tetap di server.',
  'automationAi.baseUrl': 'Endpoint (URL dasar)',
  'automationAi.model': 'Model',
  'automationAi.apiKey': 'Kunci API',
  'automationAi.key.set': 'Kunci sudah diatur. Ketik kunci baru untuk menggantinya.',
  'automationAi.key.notSet': 'Belum ada kunci.',
  'automationAi.key.remove': 'Hapus kunci',
  'automationAi.save': 'Simpan AI untuk aturan',
  'automationAi.off': 'Matikan',
  'automationAi.saved': 'Tersimpan.',
  'automationAi.loading': 'Memuat…',
  'automationAi.error.invalid_args': 'Periksa isiannya: alamat http atau https dan sebuah model.',
  'automationAi.error.unavailable': 'Server tidak dapat menyimpan kunci: kunci servernya belum dikonfigurasi.',
  'automationAi.error.other': 'Tidak dapat menyimpan. Coba lagi.',
};
