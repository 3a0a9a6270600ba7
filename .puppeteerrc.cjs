// whatsapp-web.js pulls in puppeteer; we never download its Chrome: at run time the
// webjs provider points puppeteer at a system Chrome/Chromium/Edge (executablePath).
module.exports = { skipDownload: true };
