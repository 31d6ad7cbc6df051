<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name />
    <message>
        <location filename="../../ui/widgets/step_indicator.py" line="32" />
        <source>StepIndicator</source>
        <comment>Scanned</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/widgets/step_indicator.py" line="33" />
        <source>StepIndicator</source>
        <comment>Label printed</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/widgets/step_indicator.py" line="34" />
        <source>StepIndicator</source>
        <comment>Slip printed</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/widgets/step_indicator.py" line="35" />
        <source>StepIndicator</source>
        <comment>Boxes</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/widgets/step_indicator.py" line="36" />
        <source>StepIndicator</source>
        <comment>Confirmed</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BoxPresetsPage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="281" />
        <source>Box presets</source>
        <translation>Caixas padrão</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="284" />
        <source>The carton sizes packers pick by scanning CMD:BOX:&lt;id&gt; on the command sheet. Edit these examples to match your boxes.</source>
        <translation>Os tamanhos de caixa que o embalador escolhe lendo CMD:BOX:&lt;id&gt; na folha de comandos. Ajuste estes exemplos às suas caixas.</translation>
    </message>
</context>
<context>
    <name>CommandSheet</name>
    <message>
        <location filename="../../ui/command_sheet.py" line="59" />
        <source>CONFIRM</source>
        <translation>CONFIRMAR</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="60" />
        <source>Confirm the shipment</source>
        <translation>Confirmar o envio</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="64" />
        <source>REPRINT</source>
        <translation>REIMPRIMIR</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="65" />
        <source>Print the label and slip again</source>
        <translation>Imprimir a etiqueta e a nota de conteúdo de novo</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="69" />
        <source>NEXT BOX</source>
        <translation>PRÓXIMA CAIXA</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="70" />
        <source>Start another carton for this order</source>
        <translation>Começar outra caixa para este pedido</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="74" />
        <source>CANCEL</source>
        <translation>CANCELAR</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="75" />
        <source>Put this order aside</source>
        <translation>Deixar este pedido de lado</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="86" />
        <source>BOX {name}</source>
        <translation>CAIXA {name}</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="132" />
        <source>Packing Station — command sheet</source>
        <translation>Packing Station — folha de comandos</translation>
    </message>
</context>
<context>
    <name>CommandSheetDialog</name>
    <message>
        <location filename="../../ui/command_sheet.py" line="170" />
        <source>Command sheet</source>
        <translation>Folha de comandos</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="177" />
        <source>Scan these barcodes instead of pressing keys. Print the sheet and keep it next to the scanner. Box presets are taken from the settings.</source>
        <translation>Leia estes códigos de barras em vez de apertar teclas. Imprima a folha e deixe-a ao lado do leitor. As caixas padrão vêm das configurações.</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="192" />
        <source>Print on the slip printer</source>
        <translation>Imprimir na impressora de notas</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="193" />
        <source>Save as PDF…</source>
        <translation>Salvar como PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="194" />
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="214" />
        <source>Failed: {error}</source>
        <translation>Falhou: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="218" />
        <source>Printing the command sheet…</source>
        <translation>Imprimindo a folha de comandos…</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="222" />
        <source>Command sheet sent to {uri}.</source>
        <translation>Folha de comandos enviada para {uri}.</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="231" />
        <source>Save the command sheet</source>
        <translation>Salvar a folha de comandos</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="238" />
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <location filename="../../ui/command_sheet.py" line="247" />
        <source>Saved to {path}.</source>
        <translation>Salvo em {path}.</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../../ui/settings/credentials.py" line="109" />
        <source>The SP-API credentials are kept in the system keyring (Windows Credential Manager), never in the settings file.</source>
        <translation>As credenciais da SP-API ficam no cofre de senhas do sistema (Gerenciador de Credenciais do Windows), nunca no arquivo de configurações.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="117" />
        <source>Private app (paste the refresh token)</source>
        <translation>App privado (cole o refresh token)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="118" />
        <source>Public app (authorise in Vendor Central)</source>
        <translation>App público (autorize no Vendor Central)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="139" />
        <source>LWA client id</source>
        <translation>Client ID do LWA</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="140" />
        <source>LWA client secret</source>
        <translation>Client secret do LWA</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="141" />
        <source>Refresh token</source>
        <translation>Refresh token</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="157" />
        <source>Get refresh token</source>
        <translation>Obter refresh token</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="159" />
        <source>Application id</source>
        <translation>ID do aplicativo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="160" />
        <source>Redirect URI</source>
        <translation>URI de redirecionamento</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="161" />
        <source>Consent page</source>
        <translation>Página de consentimento</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="162" />
        <source>Code from the redirect</source>
        <translation>Código do redirecionamento</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="167" />
        <source>Save in keyring</source>
        <translation>Salvar no cofre de senhas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="169" />
        <source>Remove from keyring</source>
        <translation>Remover do cofre de senhas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="198" />
        <source>This computer has no usable system keyring, so credentials cannot be stored here. On a headless machine set the environment variables {id}, {secret} and {token} for the station's user instead.</source>
        <translation>Este computador não tem um cofre de senhas utilizável, então as credenciais não podem ser guardadas aqui. Em uma máquina sem tela, defina as variáveis de ambiente {id}, {secret} e {token} para o usuário da estação.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="206" />
        <source>Checking the system keyring…</source>
        <translation>Verificando o cofre de senhas do sistema…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="224" />
        <source>Credentials are stored in the keyring for client id {id}.</source>
        <translation>Há credenciais guardadas no cofre de senhas para o client ID {id}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="229" />
        <source>No credentials stored yet.</source>
        <translation>Nenhuma credencial guardada ainda.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="245" />
        <source>client id</source>
        <translation>client ID</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="246" />
        <source>client secret</source>
        <translation>client secret</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="247" />
        <source>refresh token</source>
        <translation>refresh token</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="253" />
        <source>Missing: {fields}</source>
        <translation>Faltando: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="254" />
        <source>Fill in every field, or use the public-app authorisation.</source>
        <translation>Preencha todos os campos ou use a autorização de app público.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="273" />
        <source>Saving in the keyring…</source>
        <translation>Salvando no cofre de senhas…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="286" />
        <source>Credentials saved in the system keyring.</source>
        <translation>Credenciais salvas no cofre de senhas do sistema.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="300" />
        <source>Credentials removed from the keyring.</source>
        <translation>Credenciais removidas do cofre de senhas.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="315" />
        <source>Open this page signed in as the Vendor Central admin, approve the app, then copy the spapi_oauth_code from the address Amazon redirects to (add &amp;version=beta while the app is still a draft):
{url}</source>
        <translation>Abra esta página com o login de administrador do Vendor Central, aprove o app e copie o spapi_oauth_code do endereço para onde a Amazon redirecionar (acrescente &amp;version=beta enquanto o app ainda for rascunho):
{url}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="329" />
        <source>Enter the client id, client secret, redirect URI and the code before asking for a refresh token.</source>
        <translation>Informe o client ID, o client secret, a URI de redirecionamento e o código antes de pedir o refresh token.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="336" />
        <source>Asking Login with Amazon for a refresh token…</source>
        <translation>Pedindo um refresh token ao Login with Amazon…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/credentials.py" line="350" />
        <source>Refresh token received. Save it in the keyring to keep it.</source>
        <translation>Refresh token recebido. Salve-o no cofre de senhas para guardá-lo.</translation>
    </message>
</context>
<context>
    <name>CredentialsWizardPage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="196" />
        <source>SP-API credentials</source>
        <translation>Credenciais da SP-API</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="215" />
        <source>Save the credentials in the keyring first, or clear the secret fields to set them later (or through STATION_LWA_* variables).</source>
        <translation>Salve as credenciais no cofre de senhas primeiro, ou limpe os campos secretos para configurá-las depois (ou pelas variáveis STATION_LWA_*).</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="304" />
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="320" />
        <source>Some settings are not valid yet: go back to fix them.</source>
        <translation>Algumas configurações ainda não são válidas: volte para corrigi-las.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="325" />
        <source>Vendor {vendor}, warehouse {warehouse}, region {region} ({environment}).
Labels: {label}
Slips: {slip}
{presets} box preset(s).

Press Finish to save. Print the command sheet from the station's menu.</source>
        <translation>Fornecedor {vendor}, armazém {warehouse}, região {region} ({environment}).
Etiquetas: {label}
Notas: {slip}
{presets} caixa(s) padrão.

Clique em Concluir para salvar. Imprima a folha de comandos pelo menu da estação.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="353" />
        <source>Set up Packing Station</source>
        <translation>Configurar a Packing Station</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history.py" line="68" />
        <location filename="../../ui/history.py" line="105" />
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="69" />
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="70" />
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="103" />
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="104" />
        <source>Shipments</source>
        <translation>Envios</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="107" />
        <source>Queued (not yet accepted by Amazon)</source>
        <translation>Na fila (ainda não aceitos pela Amazon)</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="110" />
        <source>Failed confirmations</source>
        <translation>Confirmações com falha</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="112" />
        <source>Still open in the outbox</source>
        <translation>Ainda pendentes na fila de envio</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="115" />
        <source>Failed prints</source>
        <translation>Impressões com falha</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="116" />
        <source>Errors</source>
        <translation>Erros</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="121" />
        <source>Ship method {method}</source>
        <translation>Método de envio {method}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="141" />
        <source>End-of-day summary</source>
        <translation>Resumo do fim do dia</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="149" />
        <source>Station {station}</source>
        <translation>Estação {station}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="167" />
        <source>No stored {which} for {po}.</source>
        <translation>Nenhum documento ({which}) guardado para {po}.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="170" />
        <source>Scan the PO again to fetch its documents from Amazon.</source>
        <translation>Leia o pedido de novo para baixar os documentos da Amazon.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="195" />
        <source>{po} has no failed confirmation to retry.</source>
        <translation>{po} não tem confirmação com falha para tentar de novo.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="452" />
        <source>Cannot write {path}: {error}</source>
        <translation>Não foi possível gravar {path}: {error}</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../ui/history.py" line="212" />
        <source>Today's shipments</source>
        <translation>Envios de hoje</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="230" />
        <source>PO</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="231" />
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="232" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="233" />
        <source>Ship method</source>
        <translation>Método de envio</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="234" />
        <source>Transaction</source>
        <translation>Transação</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="235" />
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="247" />
        <source>Reprint label</source>
        <translation>Reimprimir etiqueta</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="248" />
        <source>Reprint slip</source>
        <translation>Reimprimir nota</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="249" />
        <source>Retry confirmation</source>
        <translation>Tentar confirmar de novo</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="250" />
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="251" />
        <source>Print day summary</source>
        <translation>Imprimir resumo do dia</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="252" />
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="331" />
        <source>{total} shipments today — {confirmed} confirmed, {queued} queued, {failed} failed; {open} still open in the outbox. Per ship method: {methods}</source>
        <translation>{total} envios hoje — {confirmed} confirmados, {queued} na fila, {failed} com falha; {open} ainda pendentes na fila de envio. Por método de envio: {methods}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="347" />
        <source>Failed: {error}</source>
        <translation>Falhou: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="398" />
        <source>Reprint of {po} requested.</source>
        <translation>Reimpressão de {po} solicitada.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="402" />
        <source>Printing…</source>
        <translation>Imprimindo…</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="406" />
        <source>{count} document(s) of {po} sent to the printer.</source>
        <translation>{count} documento(s) de {po} enviado(s) para a impressora.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="430" />
        <source>The confirmation of {po} is queued again.</source>
        <translation>A confirmação de {po} voltou para a fila.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="436" />
        <source>Export shipments</source>
        <translation>Exportar envios</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="461" />
        <source>{count} shipments exported to {path}.</source>
        <translation>{count} envios exportados para {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="485" />
        <source>Day summary sent to {uri}.</source>
        <translation>Resumo do dia enviado para {uri}.</translation>
    </message>
</context>
<context>
    <name>MarketplacePage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="146" />
        <source>Amazon marketplace</source>
        <translation>Marketplace da Amazon</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="147" />
        <source>Where this vendor's orders come from.</source>
        <translation>De onde vêm os pedidos deste fornecedor.</translation>
    </message>
</context>
<context>
    <name>PrinterFinder</name>
    <message>
        <location filename="../../ui/settings/printers.py" line="83" />
        <source>Search again</source>
        <translation>Procurar de novo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="84" />
        <source>Use for labels</source>
        <translation>Usar para etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="85" />
        <source>Use for slips</source>
        <translation>Usar para notas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="101" />
        <source>Looking for printers…</source>
        <translation>Procurando impressoras…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="119" />
        <source>{count} printer(s) found.</source>
        <translation>{count} impressora(s) encontrada(s).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="123" />
        <source>No printers found. Type a URI instead, e.g. tcp://192.168.1.50:9100 for a networked Zebra.</source>
        <translation>Nenhuma impressora encontrada. Digite um endereço, por exemplo tcp://192.168.1.50:9100 para uma Zebra em rede.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="132" />
        <source>Printer search failed: {error}</source>
        <translation>A busca de impressoras falhou: {error}</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="230" />
        <source>Printers</source>
        <translation>Impressoras</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="232" />
        <source>A thermal printer for 4x6 labels, an office printer for packing slips.</source>
        <translation>Uma impressora térmica para etiquetas 4x6 e uma impressora comum para as notas de conteúdo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="247" />
        <source>Test label</source>
        <translation>Testar etiqueta</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="250" />
        <source>Test slip</source>
        <translation>Testar nota</translation>
    </message>
</context>
<context>
    <name>SamplePrintButton</name>
    <message>
        <location filename="../../ui/settings/printers.py" line="159" />
        <source>Choose a printer first.</source>
        <translation>Escolha uma impressora primeiro.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="162" />
        <source>Printing a test page on {uri}…</source>
        <translation>Imprimindo uma página de teste em {uri}…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="175" />
        <source>Test page sent to {uri}.</source>
        <translation>Página de teste enviada para {uri}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printers.py" line="181" />
        <source>Test print failed: {error}</source>
        <translation>A impressão de teste falhou: {error}</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../ui/scanner.py" line="226" />
        <source>The scanner port {port} cannot be opened: {error}</source>
        <translation>A porta do leitor {port} não pode ser aberta: {error}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="13" />
        <source>Settings format version</source>
        <translation>Versão do formato das configurações</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="14" />
        <source>Version of this file's format; written by the station.</source>
        <translation>Versão do formato deste arquivo; gravada pela estação.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="15" />
        <source>Region</source>
        <translation>Região</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="16" />
        <source>SP-API region: na (North America), eu (Europe), fe (Far East).</source>
        <translation>Região da SP-API: na (América do Norte), eu (Europa), fe (Extremo Oriente).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="17" />
        <source>Environment</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="18" />
        <source>production (real orders), sandbox (Amazon's test data) or the simulator.</source>
        <translation>production (pedidos reais), sandbox (dados de teste da Amazon) ou o simulador.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="21" />
        <source>API version</source>
        <translation>Versão da API</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="22" />
        <source>Vendor Direct Fulfillment API version: v1 or 2021-12-28.</source>
        <translation>Versão da API do Vendor Direct Fulfillment: v1 ou 2021-12-28.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="23" />
        <source>Vendor code</source>
        <translation>Código de fornecedor</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="24" />
        <source>The selling party id (vendor code) orders are placed with.</source>
        <translation>O party ID de venda (código de fornecedor) dos pedidos.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="25" />
        <source>Warehouses</source>
        <translation>Armazéns</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="26" />
        <source>The ship-from warehouses this station packs for.</source>
        <translation>Os armazéns de origem para os quais esta estação embala.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="27" />
        <source>Warehouse code</source>
        <translation>Código do armazém</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="28" />
        <source>The ship-from party id Amazon assigned to this warehouse.</source>
        <translation>O party ID de origem que a Amazon atribuiu a este armazém.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="29" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="30" />
        <source>A name for people (optional).</source>
        <translation>Um nome para as pessoas (opcional).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="31" />
        <source>Label format</source>
        <translation>Formato da etiqueta</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="32" />
        <source>The label format Amazon sends for this warehouse, when known (auto: detect).</source>
        <translation>O formato de etiqueta que a Amazon envia para este armazém, se conhecido (auto: detectar).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="35" />
        <source>Vendor-own carrier</source>
        <translation>Transportadora própria</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="36" />
        <source>The vendor ships with its own carrier and sends shipment status updates.</source>
        <translation>O fornecedor envia com transportadora própria e informa a situação das entregas.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="39" />
        <source>Carrier SCAC code (NA)</source>
        <translation>Código SCAC da transportadora (América do Norte)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="40" />
        <source>Standard Carrier Alpha Code of the vendor's own carrier (North America).</source>
        <translation>Standard Carrier Alpha Code da transportadora própria do fornecedor (América do Norte).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="43" />
        <source>Carrier (EU)</source>
        <translation>Transportadora (Europa)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="44" />
        <source>Name of the vendor's own carrier (Europe).</source>
        <translation>Nome da transportadora própria do fornecedor (Europa).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="45" />
        <source>Station id</source>
        <translation>ID da estação</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="46" />
        <source>Names this station in the journal and shipment history (default: host name).</source>
        <translation>Identifica esta estação no registro e no histórico de envios (padrão: nome do computador).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="49" />
        <source>Printers</source>
        <translation>Impressoras</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="50" />
        <source>Label and slip printers.</source>
        <translation>Impressoras de etiquetas e de notas.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="51" />
        <source>Label printer</source>
        <translation>Impressora de etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="52" />
        <source>The thermal printer for shipping labels (4x6 in).</source>
        <translation>A impressora térmica para as etiquetas de envio (4x6 pol).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="53" />
        <source>Printer</source>
        <translation>Impressora</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="54" />
        <source>Where to print: tcp://HOST:9100, cups://QUEUE, windows://PRINTER NAME, qt://NAME or file:///FOLDER. Empty means not configured.</source>
        <translation>Onde imprimir: tcp://HOST:9100, cups://FILA, windows://NOME DA IMPRESSORA, qt://NOME ou file:///PASTA. Vazio significa não configurada.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="58" />
        <source>Printer language</source>
        <translation>Linguagem da impressora</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="59" />
        <source>zpl: send ZPL to a thermal printer; driver: print through the driver.</source>
        <translation>zpl: envia ZPL para uma impressora térmica; driver: imprime pelo driver.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="62" />
        <source>Resolution (dpi)</source>
        <translation>Resolução (dpi)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="63" />
        <source>The printer's resolution in dots/inch.</source>
        <translation>A resolução da impressora em pontos por polegada.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="64" />
        <source>Media</source>
        <translation>Mídia</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="65" />
        <source>The paper or label size loaded.</source>
        <translation>O tamanho do papel ou da etiqueta carregado.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="66" />
        <source>Darkness</source>
        <translation>Escurecimento</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="67" />
        <source>ZPL darkness (0-30, ~SD). Empty keeps the printer's own setting.</source>
        <translation>Escurecimento ZPL (0-30, ~SD). Vazio mantém o ajuste da própria impressora.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="70" />
        <source>Horizontal offset (dots)</source>
        <translation>Deslocamento horizontal (pontos)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="71" />
        <source>Shifts the print right (positive) or left (negative).</source>
        <translation>Move a impressão para a direita (positivo) ou para a esquerda (negativo).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="72" />
        <source>Vertical offset (dots)</source>
        <translation>Deslocamento vertical (pontos)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="73" />
        <source>Shifts the print down (positive) or up (negative).</source>
        <translation>Move a impressão para baixo (positivo) ou para cima (negativo).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="74" />
        <source>Packing-slip printer</source>
        <translation>Impressora de notas de conteúdo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="75" />
        <source>The office printer for packing slips and invoices.</source>
        <translation>A impressora comum para notas de conteúdo e faturas.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="76" />
        <source>Box presets</source>
        <translation>Caixas padrão</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="77" />
        <source>Carton sizes offered to the packer.</source>
        <translation>Tamanhos de caixa oferecidos ao embalador.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="78" />
        <source>Preset id</source>
        <translation>ID da caixa</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="79" />
        <source>A short unique id (letters, digits, - and _).</source>
        <translation>Um ID curto e único (letras, números, - e _).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="80" />
        <source>Shown to the packer.</source>
        <translation>Mostrado ao embalador.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="81" />
        <source>Length</source>
        <translation>Comprimento</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="82" />
        <source>Outer length of the box.</source>
        <translation>Comprimento externo da caixa.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="83" />
        <source>Width</source>
        <translation>Largura</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="84" />
        <source>Outer width of the box.</source>
        <translation>Largura externa da caixa.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="85" />
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="86" />
        <source>Outer height of the box.</source>
        <translation>Altura externa da caixa.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="87" />
        <source>Dimension unit</source>
        <translation>Unidade de medida</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="88" />
        <source>IN (inches) or CM (centimetres).</source>
        <translation>IN (polegadas) ou CM (centímetros).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="89" />
        <source>Tare weight</source>
        <translation>Peso da caixa vazia</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="90" />
        <source>Weight of the empty box.</source>
        <translation>Peso da caixa vazia (tara).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="91" />
        <source>Weight unit</source>
        <translation>Unidade de peso</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="92" />
        <source>KG (kilograms) or LB (pounds).</source>
        <translation>KG (quilos) ou LB (libras).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="93" />
        <source>Keep documents after shipment (days)</source>
        <translation>Guardar documentos após o envio (dias)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="94" />
        <source>Labels, slips and invoices are deleted this many days after shipment.</source>
        <translation>Etiquetas, notas e faturas são apagadas este número de dias após o envio.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="97" />
        <source>Keep unshipped documents (days)</source>
        <translation>Guardar documentos não enviados (dias)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="98" />
        <source>Documents of orders never shipped are deleted after this many days.</source>
        <translation>Documentos de pedidos que nunca foram enviados são apagados após este número de dias.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="101" />
        <source>Scanner</source>
        <translation>Leitor</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="102" />
        <source>Barcode scanner input.</source>
        <translation>Entrada do leitor de código de barras.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="103" />
        <source>Prefix</source>
        <translation>Prefixo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="104" />
        <source>Characters the scanner sends before each barcode (removed).</source>
        <translation>Caracteres que o leitor envia antes de cada código (são removidos).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="105" />
        <source>Suffix</source>
        <translation>Sufixo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="106" />
        <source>Characters the scanner sends after each barcode (removed).</source>
        <translation>Caracteres que o leitor envia depois de cada código (são removidos).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="107" />
        <source>Max time between keys (ms)</source>
        <translation>Tempo máximo entre teclas (ms)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="108" />
        <source>Keys arriving closer together than this belong to one scan.</source>
        <translation>Teclas que chegam mais próximas que isto pertencem à mesma leitura.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="109" />
        <source>Minimum length</source>
        <translation>Tamanho mínimo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="110" />
        <source>Shorter bursts are treated as typing, not scans.</source>
        <translation>Sequências mais curtas são tratadas como digitação, não como leitura.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="111" />
        <source>Terminators</source>
        <translation>Terminadores</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="112" />
        <source>Keys that end a scan: CR (Enter), LF, TAB.</source>
        <translation>Teclas que encerram uma leitura: CR (Enter), LF, TAB.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="113" />
        <source>Verify items</source>
        <translation>Conferir itens</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="114" />
        <source>Ask the packer to scan every item before the box is closed.</source>
        <translation>Pedir ao embalador que leia cada item antes de fechar a caixa.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="115" />
        <source>Auto-advance</source>
        <translation>Avançar automaticamente</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="116" />
        <source>Move to the next step by itself when a step succeeds.</source>
        <translation>Passar sozinho para a próxima etapa quando uma etapa dá certo.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="117" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="118" />
        <source>Language of the station: en, pt_BR, or system (follow the computer).</source>
        <translation>Idioma da estação: en, pt_BR ou system (o mesmo do computador).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="121" />
        <source>Prefetch labels</source>
        <translation>Baixar etiquetas antecipadamente</translation>
    </message>
    <message>
        <location filename="../../ui/settings/field_texts.py" line="122" />
        <source>Fetch today's orders, labels and slips in the background.</source>
        <translation>Baixar em segundo plano os pedidos, etiquetas e notas do dia.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="133" />
        <source>(not set)</source>
        <translation>(não definido)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="343" />
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="344" />
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="410" />
        <source>Row {row}, {field}: {message}</source>
        <translation>Linha {row}, {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="466" />
        <source>contains characters that are not allowed here (see the field's tip)</source>
        <translation>contém caracteres que não são permitidos aqui (veja a dica do campo)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="76" />
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="134" />
        <source>Station settings</source>
        <translation>Configurações da estação</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="145" />
        <source>Credentials</source>
        <translation>Credenciais</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="146" />
        <source>Changes take effect when the station is restarted.</source>
        <translation>As alterações valem depois de reiniciar a estação.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="177" />
        <source>Test label</source>
        <translation>Testar etiqueta</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="180" />
        <source>Test slip</source>
        <translation>Testar nota</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="182" />
        <source>Find printers</source>
        <translation>Procurar impressoras</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="205" />
        <source>Not saved: {count} setting(s) need correcting (shown in red).</source>
        <translation>Não foi salvo: {count} configuração(ões) precisam de correção (em vermelho).</translation>
    </message>
</context>
<context>
    <name>StatusUpdates</name>
    <message>
        <location filename="../../ui/status_updates.py" line="60" />
        <source>Departed from the warehouse</source>
        <translation>Saiu do armazém</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="63" />
        <source>In transit</source>
        <translation>Em trânsito</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="64" />
        <source>Out for delivery</source>
        <translation>Saiu para entrega</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="67" />
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="68" />
        <source>Delayed</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="69" />
        <source>Lost</source>
        <translation>Extraviado</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="70" />
        <source>Rejected by the customer</source>
        <translation>Recusado pelo cliente</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="73" />
        <source>Undeliverable</source>
        <translation>Não entregável</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="90" />
        <source>Enter the PO number.</source>
        <translation>Informe o número do pedido.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="91" />
        <source>Scan or type the PO.</source>
        <translation>Leia ou digite o pedido.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="95" />
        <source>Enter the package's tracking number.</source>
        <translation>Informe o código de rastreio do volume.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="96" />
        <source>Scan the tracking barcode on the label, or pick it from the list.</source>
        <translation>Leia o código de rastreio na etiqueta ou escolha-o na lista.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="102" />
        <source>Choose the carrier event.</source>
        <translation>Escolha o evento da transportadora.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="103" />
        <source>Pick what happened.</source>
        <translation>Escolha o que aconteceu.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="110" />
        <source>Country must be a two-letter code, not {value!r}.</source>
        <translation>O país deve ser um código de duas letras, não {value!r}.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="113" />
        <source>For example US, GB or DE.</source>
        <translation>Por exemplo US, GB ou DE.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="360" />
        <source>Cannot read {path}: {error}</source>
        <translation>Não foi possível ler {path}: {error}</translation>
    </message>
</context>
<context>
    <name>StatusUpdatesWindow</name>
    <message>
        <location filename="../../ui/status_updates.py" line="138" />
        <source>Carrier status updates</source>
        <translation>Situação das entregas (transportadora)</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="147" />
        <source>For warehouses that ship with their own carrier ({warehouses}): record where each package is. Amazon needs these events for every package it did not carry.</source>
        <translation>Para armazéns que enviam com transportadora própria ({warehouses}): registre onde está cada volume. A Amazon precisa destes eventos para cada volume que ela não transportou.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="149" />
        <source>none configured</source>
        <translation>nenhum configurado</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="156" />
        <source>No warehouse is marked 'Vendor-own carrier' in Settings, so every update will be refused.</source>
        <translation>Nenhum armazém está marcado como 'Transportadora própria' nas Configurações, então toda atualização será recusada.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="168" />
        <source>Scan the PO</source>
        <translation>Leia o pedido</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="186" />
        <source>PO number</source>
        <translation>Número do pedido</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="187" />
        <source>Tracking number</source>
        <translation>Código de rastreio</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="188" />
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="189" />
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="190" />
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="191" />
        <source>Postal code</source>
        <translation>CEP</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="192" />
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="196" />
        <source>Record event</source>
        <translation>Registrar evento</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="199" />
        <source>Import carrier CSV…</source>
        <translation>Importar CSV da transportadora…</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="211" />
        <source>PO</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="211" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="211" />
        <source>Updated</source>
        <translation>Atualizado</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="211" />
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="287" />
        <source>{po} has no confirmation accepted by Amazon on this station yet.</source>
        <translation>{po} ainda não tem confirmação aceita pela Amazon nesta estação.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="299" />
        <source>{po}: {count} package(s) confirmed.</source>
        <translation>{po}: {count} volume(s) confirmado(s).</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="324" />
        <source>Recording…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="338" />
        <source>Queued: {event} for {po} (outbox item {id}). It is sent automatically.</source>
        <translation>Na fila: {event} para {po} (item {id} da fila de envio). Será enviado automaticamente.</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="347" />
        <source>Import carrier events</source>
        <translation>Importar eventos da transportadora</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="368" />
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="377" />
        <source>{queued} update(s) queued, {refused} refused.</source>
        <translation>{queued} atualização(ões) na fila, {refused} recusada(s).</translation>
    </message>
    <message>
        <location filename="../../ui/status_updates.py" line="382" />
        <source>Line {row}: {error}</source>
        <translation>Linha {row}: {error}</translation>
    </message>
</context>
<context>
    <name>Support</name>
    <message>
        <location filename="../../ui/support.py" line="182" />
        <source>Cannot write the support bundle to {path}: {error}</source>
        <translation>Não foi possível gravar o pacote de suporte em {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/support.py" line="185" />
        <source>Choose another folder (for example Documents) and try again.</source>
        <translation>Escolha outra pasta (por exemplo Documentos) e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../ui/support.py" line="206" />
        <source>Save the support bundle</source>
        <translation>Salvar o pacote de suporte</translation>
    </message>
    <message>
        <location filename="../../ui/support.py" line="238" />
        <location filename="../../ui/support.py" line="246" />
        <source>Support bundle</source>
        <translation>Pacote de suporte</translation>
    </message>
    <message>
        <location filename="../../ui/support.py" line="247" />
        <source>Saved {path}. Send this file to IT; it holds no customer data.</source>
        <translation>Salvo em {path}. Envie este arquivo para a TI; ele não contém dados de clientes.</translation>
    </message>
</context>
<context>
    <name>VendorPage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="167" />
        <source>Vendor and warehouse</source>
        <translation>Fornecedor e armazém</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="169" />
        <source>The codes Amazon assigned: the vendor code and this warehouse's party id.</source>
        <translation>Os códigos que a Amazon atribuiu: o código de fornecedor e o party ID deste armazém.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/settings/wizard.py" line="114" />
        <source>Welcome to Packing Station</source>
        <translation>Bem-vindo à Packing Station</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="118" />
        <source>This assistant connects the station to Amazon Vendor Direct Fulfillment: region, vendor and warehouse codes, SP-API credentials, printers and box sizes.

Just looking? Demo mode runs the whole packing flow on a built-in simulator with printers that write files. Nothing is sent to Amazon.</source>
        <translation>Este assistente conecta a estação ao Amazon Vendor Direct Fulfillment: região, códigos de fornecedor e armazém, credenciais da SP-API, impressoras e tamanhos de caixa.

Só quer conhecer? O modo demonstração roda todo o fluxo de embalagem em um simulador embutido, com impressoras que gravam arquivos. Nada é enviado à Amazon.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="126" />
        <source>Try demo mode</source>
        <translation>Experimentar o modo demonstração</translation>
    </message>
    <message>
        <location filename="../../ui/settings/wizard.py" line="137" />
        <source>Or press Next to set up this station.</source>
        <translation>Ou clique em Avançar para configurar esta estação.</translation>
    </message>
</context>
</TS>