/** Inline styles every email part shares (mail clients drop <style> blocks, so they are repeated inline). */
export const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
export const MUTED = '#5b6472';
